import type { CovariatePattern } from "./logistic-rows.js";

/**
 * The columns whose users (the patterns where the column is non-zero) all succeeded or
 * all failed, and the patterns left once those users are set aside. Such a column has
 * no finite maximum-likelihood estimate (complete separation: its coefficient runs off
 * to ±∞), so ANALYSIS.md §13 leaves it and its users out of the fit. Setting users
 * aside can separate another column (its remaining users now all failed), so the check
 * repeats until nothing changes; each round flags every column separated at once, so the
 * result does not depend on the order of the columns. Patterns without trials are dropped.
 */
export function findSeparation(
  patterns: readonly CovariatePattern[],
  width: number,
): { separated: boolean[]; rows: CovariatePattern[] } {
  const separated = new Array<boolean>(width).fill(false);
  let rows = patterns.filter((pattern) => pattern.trials > 0);
  for (;;) {
    const users = new Array<number>(width).fill(0);
    const successes = new Array<number>(width).fill(0);
    for (const row of rows) {
      for (let j = 0; j < width; j++) {
        if ((row.x[j] ?? 0) === 0) continue;
        users[j] = (users[j] ?? 0) + row.trials;
        successes[j] = (successes[j] ?? 0) + row.successes;
      }
    }
    const found = users.flatMap((count, j) =>
      count > 0 && (successes[j] === 0 || successes[j] === count) ? [j] : [],
    );
    if (found.length === 0) return { separated, rows };
    for (const j of found) separated[j] = true;
    rows = rows.filter((row) => found.every((j) => (row.x[j] ?? 0) === 0));
  }
}
