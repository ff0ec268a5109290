import type { DemoRow } from "./demo-row.js";

/**
 * Rows held back to be written after a later user: duplicates must come after their
 * original, and scattering the other defects makes the file look like a real export.
 */
export class DelayedRows {
  private readonly byUser = new Map<number, DemoRow[]>();

  add(releaseAfterUser: number, row: DemoRow): void {
    const rows = this.byUser.get(releaseAfterUser);
    if (rows) rows.push(row);
    else this.byUser.set(releaseAfterUser, [row]);
  }

  /** The rows due after this user, in the order they were added. */
  release(user: number): DemoRow[] {
    const rows = this.byUser.get(user) ?? [];
    this.byUser.delete(user);
    return rows;
  }

  /** Whatever is still held (due after the last user), by due user then insertion. */
  releaseAll(): DemoRow[] {
    const users = [...this.byUser.keys()].sort((a, b) => a - b);
    return users.flatMap((user) => this.release(user));
  }
}
