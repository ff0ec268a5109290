import { zeroReasonCounts } from "../prepare/reasons.js";
import { COL, type DemoRow } from "./demo-row.js";
import type { DemoManifest } from "./manifest.js";

/** Counts the rows as they are emitted; the manifest is read once all rows are out. */
export class Tally {
  private rows = 0;
  private clean = 0;
  private kzt = 0;
  private mismatches = 0;
  private first = "";
  private last = "";
  private users = 0;
  readonly defects = zeroReasonCounts();

  count(row: DemoRow): void {
    this.rows++;
    if (row.expect !== "accepted") {
      this.defects[row.expect]++;
      return;
    }
    this.clean++;
    const { cells } = row;
    if (cells[COL.currency]?.trim().toLowerCase() === "kzt") this.kzt++;
    const dt = cells[COL.orderDt] ?? "";
    if (this.first === "" || dt < this.first) this.first = dt;
    if (dt > this.last) this.last = dt;
  }

  /** A generated user; every user keeps at least one accepted order (generate.ts). */
  countUser(): void {
    this.users++;
  }

  countMismatch(): void {
    this.mismatches++;
  }

  manifest(seed: number, ratesRows: number): DemoManifest {
    return {
      seed,
      users: this.users,
      rowsWritten: this.rows,
      cleanOrders: this.clean,
      defects: { ...this.defects },
      daysSincePrevMismatches: this.mismatches,
      kztOrders: this.kzt,
      ratesRows,
      dataStart: this.first,
      dataEnd: this.last,
    };
  }
}
