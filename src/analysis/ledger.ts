import type { Row } from "../engine/engine.js";
import { REJECT_REASONS, type RejectReason, zeroReasonCounts } from "../prepare/reasons.js";
import type { Ledger } from "./results.js";

/** Builds the ledger from (reason, n) rows; the invariant read = accepted + Σ rejected holds by construction and is checked. */
export function ledgerFromCounts(rows: readonly Row[]): Ledger {
  const rejected = zeroReasonCounts();
  let accepted = 0;
  let read = 0;
  for (const row of rows) {
    const n = Number(row.n);
    read += n;
    if (row.reason === null) accepted += n;
    else if ((REJECT_REASONS as readonly string[]).includes(String(row.reason)))
      rejected[row.reason as RejectReason] += n;
    else throw new Error(`unexpected reject reason ${String(row.reason)}`);
  }
  return { rows_read: read, rows_accepted: accepted, rows_rejected: rejected };
}

export function ledgerBalances(ledger: Ledger): boolean {
  const rejected = Object.values(ledger.rows_rejected).reduce((a, b) => a + b, 0);
  return ledger.rows_read === ledger.rows_accepted + rejected;
}
