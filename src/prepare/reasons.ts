/** Why a row was rejected, in the order of ANALYSIS.md §2: a row gets the first that applies. */
export const REJECT_REASONS = [
  "missing_user_id",
  "missing_order_id",
  "bad_timestamp",
  "bad_revenue",
  "bad_tickets_count",
  "unknown_currency",
  "no_exchange_rate",
  "duplicate_row",
  "conflicting_order_id",
] as const;

export type RejectReason = (typeof REJECT_REASONS)[number];

/** A count per reason, zeros included. */
export function zeroReasonCounts(): Record<RejectReason, number> {
  return Object.fromEntries(REJECT_REASONS.map((r) => [r, 0])) as Record<RejectReason, number>;
}

/**
 * A reason as the small number the working tables store (1 = the first reason); NULL there
 * means accepted. A number takes an eighth of the room of its name in every row.
 */
export const reasonCode = (reason: RejectReason): number => REJECT_REASONS.indexOf(reason) + 1;
