/**
 * Benjamini–Hochberg adjusted p-values (q-values), in the input order: step-up,
 * made monotone, capped at 1 — the same as R `p.adjust(method = "BH")` and
 * statsmodels `multipletests(method = "fdr_bh")`. NaN p-values stay NaN and are
 * not counted in the family size (as R does with NA).
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const q = pValues.map(() => Number.NaN);
  const order = pValues
    .map((p, index) => ({ p, index }))
    .filter((entry) => !Number.isNaN(entry.p))
    .sort((a, b) => a.p - b.p || a.index - b.index);
  const m = order.length;
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const entry = order[rank - 1];
    if (entry === undefined) continue;
    running = Math.min(running, (entry.p * m) / rank);
    q[entry.index] = running;
  }
  return q;
}
