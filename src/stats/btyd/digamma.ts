// Bernoulli coefficients B₂ₖ/(2k) of the asymptotic series ψ(x) ~ ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ).
const ASYMPTOTIC = [1 / 12, -1 / 120, 1 / 252, -1 / 240, 1 / 132, -691 / 32760, 1 / 12];
const LARGE = 10;

/**
 * The digamma function ψ(x) = Γ′(x)/Γ(x) (`scipy.special.digamma`), to about
 * 1e-15 relative away from its root near 1.4616; NaN at the poles 0, −1, −2, ….
 */
export function digamma(x: number): number {
  if (Number.isNaN(x) || x === Number.NEGATIVE_INFINITY) return Number.NaN;
  if (x <= 0) {
    if (Number.isInteger(x)) return Number.NaN;
    // Reflection ψ(1 − x) − ψ(x) = π cot(πx), with x reduced mod 1 for the cotangent.
    return digamma(1 - x) - Math.PI / Math.tan(Math.PI * (x - Math.floor(x)));
  }
  // Recurrence ψ(x) = ψ(x + 1) − 1/x up to where the asymptotic series is accurate.
  let shift = 0;
  while (x < LARGE) {
    shift += 1 / x;
    x += 1;
  }
  const inverseSquare = 1 / (x * x);
  let series = 0;
  for (let k = ASYMPTOTIC.length - 1; k >= 0; k--) {
    series = series * inverseSquare + (ASYMPTOTIC[k] ?? 0);
  }
  return Math.log(x) - 0.5 / x - series * inverseSquare - shift;
}
