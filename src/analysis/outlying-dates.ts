import { pluralRu, RU_FORMS } from "../text/plural-ru.js";
import type { Note } from "./results.js";

/** Orders placed on one date. */
export interface DateCount {
  readonly date: string;
  readonly orders: number;
}

/** A few orders dated far from the rest, at one end of the data (ANALYSIS.md §11.13). */
export interface OutlyingDates {
  readonly side: "late" | "early";
  /** Their dates, ascending. */
  readonly dates: string[];
  readonly orders: number;
  /** The nearest date of the other orders: where the study would end (late) or begin (early). */
  readonly edge: string;
  /** Days between `edge` and the nearest outlying date. */
  readonly gapDays: number;
}

/** At most this share of the orders can stand apart; more is part of the data. */
export const OUTLYING_MAX_SHARE = 0.01;
/** The smallest gap, in days, that sets orders apart. */
export const OUTLYING_MIN_GAP_DAYS = 30;

const DAY_MS = 86_400_000;
const daysBetween = (a: string, b: string): number =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);

/** The date at which the cumulative share of orders first reaches q (nearest rank). */
function dateAtShare(days: readonly DateCount[], total: number, q: number): string {
  let cumulative = 0;
  for (const day of days) {
    cumulative += day.orders;
    if (cumulative >= q * total) return day.date;
  }
  return days.at(-1)?.date ?? "";
}

/**
 * The orders that stand apart from the bulk at either end (§11.13): at most 1% of the
 * orders (at least one), separated from all the others by a gap of more than G days without
 * any order, G = max(30, a tenth of the span from the 1st to the 99th percentile of the order
 * dates). Of several such gaps at one end, the one that sets the most orders apart. `days`
 * are the distinct order dates, ascending.
 */
export function outlyingDates(days: readonly DateCount[]): OutlyingDates[] {
  const total = days.reduce((s, d) => s + d.orders, 0);
  if (days.length < 2) return [];
  const limit = Math.max(1, Math.floor(OUTLYING_MAX_SHARE * total));
  const span = daysBetween(dateAtShare(days, total, 0.01), dateAtShare(days, total, 0.99));
  const minGap = Math.max(OUTLYING_MIN_GAP_DAYS, Math.ceil(span / 10));
  const found: OutlyingDates[] = [];
  const tail = (ordered: readonly DateCount[], side: "late" | "early") => {
    let orders = 0;
    let best: OutlyingDates | null = null;
    for (let i = 0; i + 1 < ordered.length; i++) {
      orders += ordered[i]?.orders ?? 0;
      if (orders > limit) break;
      const inner = ordered[i + 1] as DateCount;
      const outer = ordered[i] as DateCount;
      const gap = Math.abs(daysBetween(inner.date, outer.date));
      if (gap > minGap) {
        const dates = ordered.slice(0, i + 1).map((d) => d.date);
        best = { side, dates: dates.sort(), orders, edge: inner.date, gapDays: gap };
      }
    }
    if (best) found.push(best);
  };
  tail([...days].reverse(), "late");
  tail(days, "early");
  // An end cannot stand apart from the other end: one gap splitting two small groups is not both.
  const late = found.find((f) => f.side === "late");
  const early = found.find((f) => f.side === "early");
  if (late && early && late.orders + early.orders >= total) return [];
  return found;
}

const listed = (items: readonly (string | number)[], max: number): string =>
  items.length > max ? `${items.slice(0, max).join(", ")}, …` : items.join(", ");

/**
 * The note for orders that stand apart: how many, their dates and rows in the source, and
 * what to do. `rows` are their row numbers in the source (1 = the first data row), ascending.
 */
export function outlyingDatesNote(found: OutlyingDates, rows: readonly number[]): Note {
  const n = found.orders;
  const dates = listed(found.dates, 5);
  const rowList = listed(rows, 10);
  if (found.side === "late") {
    const en =
      `${n} ${n === 1 ? "order is" : "orders are"} dated long after the rest: ${dates} (${n === 1 ? "row" : "rows"} ${rowList}), ` +
      `${found.gapDays} days after the other orders end on ${found.edge}. ` +
      `They move data_end, and with it every figure that depends on how long customers were watched and the prediction. ` +
      `If the dates are mistyped, fix them; to end the study with the other orders, set data_end to ${found.edge} (--data-end ${found.edge} or data_end in the config).`;
    const ru =
      `${n} ${pluralRu(n, ["заказ датирован", "заказа датированы", "заказов датированы"])} намного позже остальных: ${dates} (${pluralRu(n, RU_FORMS.row)} ${rowList}), ` +
      `через ${found.gapDays} ${pluralRu(found.gapDays, RU_FORMS.day)} после последнего из остальных заказов (${found.edge}). ` +
      `Они сдвигают data_end, а с ним все показатели, зависящие от срока наблюдения, и прогноз. ` +
      `Если даты ошибочны, исправьте их; чтобы закончить исследование вместе с остальными заказами, задайте data_end = ${found.edge} (--data-end ${found.edge} или data_end в конфигурации).`;
    return { code: "outlying_dates_late", text: en, texts: { en, ru }, warning: true };
  }
  const en =
    `${n} ${n === 1 ? "order is" : "orders are"} dated long before the rest: ${dates} (${n === 1 ? "row" : "rows"} ${rowList}), ` +
    `${found.gapDays} days before the other orders begin on ${found.edge}. ` +
    `They count as their customers' first orders and lengthen every interval that starts there. If the dates are mistyped, fix them.`;
  const ru =
    `${n} ${pluralRu(n, ["заказ датирован", "заказа датированы", "заказов датированы"])} намного раньше остальных: ${dates} (${pluralRu(n, RU_FORMS.row)} ${rowList}), ` +
    `за ${found.gapDays} ${pluralRu(found.gapDays, RU_FORMS.day)} до первого из остальных заказов (${found.edge}). ` +
    `Они считаются первыми заказами своих покупателей и удлиняют все интервалы от них. Если даты ошибочны, исправьте их.`;
  return { code: "outlying_dates_early", text: en, texts: { en, ru }, warning: true };
}
