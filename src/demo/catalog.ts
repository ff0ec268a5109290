import { REGIONS } from "./regions.js";
import { SERVICES } from "./services.js";
import { Weighted } from "./weighted.js";

/**
 * Attribute marginals of the demo. Weights are relative; they describe the attributes of
 * a FIRST order. Later orders of a user mostly repeat that user's choices (see model.ts).
 */

/** Event types with their share of first orders and the median price of one ticket (roubles). */
export const EVENT_TYPES = [
  { name: "concerts", weight: 44, ticketPrice: 2300 },
  { name: "theatre", weight: 22, ticketPrice: 1900 },
  { name: "other", weight: 13, ticketPrice: 900 },
  { name: "sport", weight: 9, ticketPrice: 1300 },
  { name: "stand-up", weight: 6, ticketPrice: 1600 },
  { name: "exhibitions", weight: 4, ticketPrice: 600 },
  { name: "new-year", weight: 2, ticketPrice: 1500 },
] as const;

/** Roughly four first orders in five come from a phone. */
export const DEVICES = [
  ["mobile", 80],
  ["desktop", 20],
] as const;

/** Tickets per order: mostly 1–4; resellers buy in bulk. */
export const TICKETS_REGULAR = [
  [1, 30],
  [2, 42],
  [3, 12],
  [4, 9],
  [5, 3],
  [6, 2],
  [7, 0.8],
  [8, 0.6],
  [9, 0.3],
  [10, 0.3],
] as const;

export const TICKETS_RESELLER = [
  [1, 4],
  [2, 14],
  [3, 15],
  [4, 20],
  [5, 15],
  [6, 12],
  [7, 8],
  [8, 6],
  [9, 3],
  [10, 3],
] as const;

export interface EventType {
  readonly name: string;
  readonly ticketPrice: number;
}

export interface Region {
  readonly name: string;
  readonly cities: Weighted<string>;
}

/** The samplers over the marginals, built once. */
export interface Catalog {
  readonly eventTypes: Weighted<EventType>;
  readonly devices: Weighted<string>;
  readonly regions: Weighted<Region>;
  readonly services: Weighted<string>;
  readonly ticketsRegular: Weighted<number>;
  readonly ticketsReseller: Weighted<number>;
}

export function buildCatalog(): Catalog {
  return {
    eventTypes: new Weighted(EVENT_TYPES.map((e) => [e, e.weight] as const)),
    devices: new Weighted(DEVICES),
    regions: new Weighted(
      REGIONS.map((r) => [{ name: r.name, cities: new Weighted(r.cities) }, r.weight] as const),
    ),
    services: new Weighted(SERVICES),
    ticketsRegular: new Weighted(TICKETS_REGULAR),
    ticketsReseller: new Weighted(TICKETS_RESELLER),
  };
}
