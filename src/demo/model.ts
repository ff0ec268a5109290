import { PERIOD_DAYS, SECONDS_PER_DAY } from "./calendar.js";
import type { Catalog, EventType, Region } from "./catalog.js";
import type { Random } from "./random.js";
import { beta, exponential, gamma, logNormal, poisson } from "./samplers.js";
import { PLANTED_EFFECTS } from "./truth.js";
import { Weighted } from "./weighted.js";

/**
 * The generative model of one customer, a BG/NBD-like purchase process:
 *
 * 1. The customer is a heavy reseller with probability `resellerShare`, else a regular.
 * 2. The first purchase falls on a day of June–October 2024; the density of first days
 *    rises by 60% over the period, so late joiners are many and have little time left to
 *    return (the data are censored at October 31).
 * 3. The attributes of the first order are drawn from the marginals of catalog.ts. The
 *    device is an independent draw that the purchase process never reads: it has no effect.
 * 4. A regular customer has a purchase rate λ ~ Gamma(shape, scale) (purchases per day,
 *    while active) and a drop-out chance p ~ Beta(a, b). The planted effects (truth.ts)
 *    multiply the odds p / (1 − p) by a factor for the first order's event type, region
 *    and operator, and frequent buyers are loyal: the odds also scale with (λ / mean λ)^−0.5
 *    (`loyaltyOdds`), so customers with many orders buy at shorter intervals. After each purchase the customer drops out with chance p; otherwise
 *    the next purchase comes after an Exponential(λ) wait, unless that is past the end.
 * 5. A reseller never drops out and buys several times a day from the first weeks on:
 *    hundreds of orders, which the order-count percentile filter exists to remove.
 * 6. Any purchase may come with Poisson-many extra orders on the same day (a second
 *    show, a forgotten friend); some of them at the very same second, so ties of
 *    order_ts happen and are broken by order_id.
 * 7. Later orders mostly repeat the customer's region, city, device, operator and event
 *    type, with some variation. Tickets and prices: see `order`.
 */
export const MODEL = {
  resellerShare: 0.009,
  joinGrowth: 0.6,
  rateShape: 0.9,
  rateScale: 0.2,
  rateMean: 0.18,
  loyaltyElasticity: 1.0,
  dropoutA: 1.0,
  dropoutB: 2.6,
  resellerJoinDays: 21,
  resellerRateMedian: 12.5,
  resellerMaxOrders: 3000,
  sameDayExtraMean: 0.04,
  sameSecondShare: 0.15,
  keepDevice: 0.9,
  keepRegion: 0.92,
  keepCity: 0.85,
  keepEventType: 0.5,
  keepService: 0.6,
  priceSigma: 0.45,
  freeOrderShare: 0.002,
  kztShare: 0.02,
} as const;

export interface Attributes {
  readonly eventType: EventType;
  readonly device: string;
  readonly region: Region;
  readonly city: string;
  readonly service: string;
}

export interface ModelOrder {
  /** Seconds since 2024-06-01 00:00. */
  second: number;
  readonly attributes: Attributes;
  readonly tickets: number;
  readonly revenueRub: number;
  readonly currency: "rub" | "kzt";
}

export interface ModelUser {
  readonly reseller: boolean;
  /** Sorted by time; ties keep generation order, so orders[0] is the planted first order. */
  readonly orders: ModelOrder[];
}

const END_SECOND = PERIOD_DAYS * SECONDS_PER_DAY;

/** Relative frequency of orders by hour of day: quiet nights, busy evenings. */
const HOURS = new Weighted(
  [
    1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.6, 1.2, 2, 3, 4, 4.5, 5, 5, 5, 5, 5.5, 6, 6.5, 6.5, 6, 5, 3.5, 2,
  ].map((w, hour) => [hour, w] as const),
);

const effectKey = (dimension: string, value: string): string => `${dimension}\u0000${value}`;
const EFFECT_ODDS = new Map(
  PLANTED_EFFECTS.map((e) => [effectKey(e.dimension, e.value), e.dropoutOdds]),
);

/** The product of the planted odds factors that apply to a first order. */
export function dropoutOdds(first: Attributes): number {
  const values: [string, string][] = [
    ["first_event_type", first.eventType.name],
    ["first_device", first.device],
    ["first_region", first.region.name],
    ["first_city", first.city],
    ["first_service", first.service],
  ];
  return values.reduce((odds, [d, v]) => odds * (EFFECT_ODDS.get(effectKey(d, v)) ?? 1), 1);
}

/**
 * Frequent buyers are loyal ones: the drop-out odds fall with the purchase rate, so customers
 * who reach many orders also buy at shorter intervals, as in the original study.
 */
export const loyaltyOdds = (rate: number): number =>
  (Math.max(rate, 1e-6) / MODEL.rateMean) ** -MODEL.loyaltyElasticity;

/**
 * The planted trend: drop-out odds scale geometrically with the join day, from 1 on the first
 * day to `trend` on the last.
 */
export const trendOdds = (trend: number, second: number): number =>
  trend ** (Math.floor(second / SECONDS_PER_DAY) / (PERIOD_DAYS - 1));

export function generateUser(rng: Random, catalog: Catalog, trend = 1): ModelUser {
  const reseller = rng.chance(MODEL.resellerShare);
  const first = firstAttributes(rng, catalog);
  const rate = reseller
    ? logNormal(rng, MODEL.resellerRateMedian, 0.5)
    : gamma(rng, MODEL.rateShape, MODEL.rateScale);
  const p = reseller ? 0 : beta(rng, MODEL.dropoutA, MODEL.dropoutB);
  const maxOrders = reseller ? MODEL.resellerMaxOrders : Number.POSITIVE_INFINITY;

  const orders: ModelOrder[] = [];
  let second = joinSecond(rng, reseller);
  const odds = (p / (1 - p)) * dropoutOdds(first) * loyaltyOdds(rate) * trendOdds(trend, second);
  // Beta draws can round to exactly 1, and Infinity / Infinity would mean "never".
  const dropout = Number.isFinite(odds) ? odds / (1 + odds) : 1;
  let attributes = first;
  for (;;) {
    orders.push(order(rng, catalog, second, attributes, reseller));
    for (let k = poisson(rng, MODEL.sameDayExtraMean); k > 0; k--) {
      const extra = rng.chance(MODEL.sameSecondShare) ? second : laterSameDay(rng, second);
      orders.push(order(rng, catalog, extra, laterAttributes(rng, catalog, first), reseller));
    }
    if (orders.length >= maxOrders || rng.chance(dropout)) break;
    second = nextPurchase(rng, second, rate);
    if (second >= END_SECOND) break;
    attributes = laterAttributes(rng, catalog, first);
  }
  orders.sort((x, y) => x.second - y.second);
  return { reseller, orders };
}

function firstAttributes(rng: Random, catalog: Catalog): Attributes {
  const region = catalog.regions.sample(rng);
  return {
    eventType: catalog.eventTypes.sample(rng),
    device: catalog.devices.sample(rng),
    region,
    city: region.cities.sample(rng),
    service: catalog.services.sample(rng),
  };
}

function laterAttributes(rng: Random, catalog: Catalog, home: Attributes): Attributes {
  const region = rng.chance(MODEL.keepRegion) ? home.region : catalog.regions.sample(rng);
  const keepCity = region === home.region && rng.chance(MODEL.keepCity);
  return {
    eventType: rng.chance(MODEL.keepEventType) ? home.eventType : catalog.eventTypes.sample(rng),
    device: rng.chance(MODEL.keepDevice) ? home.device : catalog.devices.sample(rng),
    region,
    city: keepCity ? home.city : region.cities.sample(rng),
    service: rng.chance(MODEL.keepService) ? home.service : catalog.services.sample(rng),
  };
}

/** Price per ticket is log-normal around the event type's median; a few orders are free. */
function order(
  rng: Random,
  catalog: Catalog,
  second: number,
  attributes: Attributes,
  reseller: boolean,
): ModelOrder {
  const tickets = (reseller ? catalog.ticketsReseller : catalog.ticketsRegular).sample(rng);
  const price = logNormal(rng, attributes.eventType.ticketPrice, MODEL.priceSigma);
  const free = rng.chance(MODEL.freeOrderShare);
  const revenueRub = free ? 0 : Math.round(tickets * price * 100) / 100;
  const currency = rng.chance(MODEL.kztShare) ? "kzt" : "rub";
  return { second, attributes, tickets, revenueRub, currency };
}

function timeOfDay(rng: Random): number {
  return HOURS.sample(rng) * 3600 + rng.int(3600);
}

function joinSecond(rng: Random, reseller: boolean): number {
  if (reseller) return rng.int(MODEL.resellerJoinDays) * SECONDS_PER_DAY + timeOfDay(rng);
  for (;;) {
    const day = rng.int(PERIOD_DAYS);
    const density = 1 + (MODEL.joinGrowth * day) / (PERIOD_DAYS - 1);
    if (rng.float() * (1 + MODEL.joinGrowth) < density)
      return day * SECONDS_PER_DAY + timeOfDay(rng);
  }
}

/** A wait that ends on a later day gets a fresh time of day (people buy in the evening). */
function nextPurchase(rng: Random, second: number, rate: number): number {
  const next = second + Math.floor(exponential(rng, rate) * SECONDS_PER_DAY);
  const day = Math.floor(next / SECONDS_PER_DAY);
  if (day === Math.floor(second / SECONDS_PER_DAY)) return next;
  return day * SECONDS_PER_DAY + timeOfDay(rng);
}

function laterSameDay(rng: Random, second: number): number {
  const dayEnd = (Math.floor(second / SECONDS_PER_DAY) + 1) * SECONDS_PER_DAY - 1;
  return Math.min(dayEnd, second + rng.between(60, 7200));
}
