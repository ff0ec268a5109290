import type { PackedRows } from "./logistic-rows.js";

/**
 * The columns (1 … width) whose users (the rows where the column is non-zero) all
 * succeeded or all failed, and which rows are left once those users are set aside.
 * Such a column has no finite maximum-likelihood estimate (complete separation: its
 * coefficient runs off to ±∞), so ANALYSIS.md §13 leaves it and its users out of the
 * fit. Setting users aside can separate another column (its remaining users now all
 * failed), so the check repeats until nothing changes; each round flags every column
 * separated at once, so the result does not depend on the order of the columns.
 * `separated[j]` is about column j + 1 (input column j).
 */
export function findSeparation(
  rows: PackedRows,
  width: number,
): { separated: boolean[]; keepRow: Uint8Array } {
  const separated = new Array<boolean>(width).fill(false);
  const keepRow = new Uint8Array(rows.count).fill(1);
  for (;;) {
    const users = new Float64Array(width + 1);
    const successes = new Float64Array(width + 1);
    for (let r = 0; r < rows.count; r++) {
      if (!keepRow[r]) continue;
      for (let a = rows.start[r] as number; a < (rows.start[r + 1] as number); a++) {
        const column = rows.column[a] as number;
        users[column] = (users[column] as number) + (rows.trials[r] as number);
        successes[column] = (successes[column] as number) + (rows.successes[r] as number);
      }
    }
    const found = new Uint8Array(width + 1);
    let any = false;
    for (let column = 1; column <= width; column++) {
      const count = users[column] as number;
      const wins = successes[column] as number;
      if (count > 0 && (wins === 0 || wins === count)) {
        found[column] = 1;
        separated[column - 1] = true;
        any = true;
      }
    }
    if (!any) return { separated, keepRow };
    for (let r = 0; r < rows.count; r++) {
      for (let a = rows.start[r] as number; a < (rows.start[r + 1] as number); a++) {
        if (found[rows.column[a] as number]) keepRow[r] = 0;
      }
    }
  }
}
