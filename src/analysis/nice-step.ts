/** The smallest 1, 2 or 5 × 10^k step that cuts `span` into at most `bins` bins. */
export function niceStep(span: number, bins: number): number {
  if (!(span > 0) || !(bins >= 1)) return 1;
  const raw = span / bins;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}
