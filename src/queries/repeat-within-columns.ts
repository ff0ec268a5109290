import type { Dialect } from "../engine/dialect.js";

/** The windows of "repeat within N days" (§5). */
export const REPEAT_WINDOWS = [30, 60, 90] as const;

/**
 * Aggregate columns eligible_N and repeaters_N for N = 30, 60, 90 (§5, §11.9): users whose first
 * order is at least N days before data_end (bound as $1), and those of them whose second order
 * came within N days.
 */
export function repeatWithinColumns(d: Dialect): string {
  const age = d.daysBetween("first_order_dt", "CAST($1 AS DATE)");
  return REPEAT_WINDOWS.map(
    (n) =>
      `sum(CASE WHEN ${age} >= ${n} THEN 1 ELSE 0 END) AS eligible_${n},\n  ` +
      `sum(CASE WHEN ${age} >= ${n} AND days_to_second_order <= ${n} THEN 1 ELSE 0 END) AS repeaters_${n}`,
  ).join(",\n  ");
}
