import { COL, DIMENSION_COLS } from "./demo-row.js";
import type { Random } from "./random.js";

/**
 * Harmless oddities of real exports, planted in good rows that must NOT be rejected:
 * padded or empty dimension values (trimmed; empty becomes `unknown`), `2.0` and blank
 * tickets_count (2 and 1), ` KZT ` for `kzt`, a `T` in order_ts, and a blank order_ts
 * next to its order_dt (read as midnight of that day).
 */
export const ODDITY_RATES = {
  paddedDimension: 0.004,
  emptyDimension: 0.003,
  ticketsTwoPointZero: 0.01,
  ticketsBlank: 0.01,
  upperCaseKzt: 0.1,
  tSeparator: 0.003,
  blankTimestamp: 0.002,
} as const;

export interface OddityContext {
  /** The user's first order keeps its dimensions, so the planted first-order truth holds. */
  readonly isFirst: boolean;
  /**
   * No other order of the user on this day: only then may order_ts fall back to midnight
   * of order_dt without changing the order of the user's purchases.
   */
  readonly aloneOnItsDay: boolean;
}

/** Applies the oddities to a good row's cells, in place. */
export function applyOddities(cells: string[], context: OddityContext, rng: Random): void {
  if (rng.chance(ODDITY_RATES.paddedDimension)) {
    const col = rng.pick(DIMENSION_COLS);
    cells[col] = rng.pick([` ${cells[col]} `, `${cells[col]}  `, `  ${cells[col]}`]);
  }
  if (!context.isFirst && rng.chance(ODDITY_RATES.emptyDimension)) {
    cells[rng.pick(DIMENSION_COLS)] = rng.pick(["", " "]);
  }
  const tickets = cells[COL.tickets];
  if (tickets === "2" && rng.chance(ODDITY_RATES.ticketsTwoPointZero)) cells[COL.tickets] = "2.0";
  if (tickets === "1" && rng.chance(ODDITY_RATES.ticketsBlank)) cells[COL.tickets] = "";
  if (cells[COL.currency] === "kzt" && rng.chance(ODDITY_RATES.upperCaseKzt))
    cells[COL.currency] = " KZT ";
  if (rng.chance(ODDITY_RATES.tSeparator)) {
    cells[COL.orderTs] = (cells[COL.orderTs] ?? "").replace(" ", "T");
  } else if (context.aloneOnItsDay && rng.chance(ODDITY_RATES.blankTimestamp)) {
    cells[COL.orderTs] = "";
  }
}
