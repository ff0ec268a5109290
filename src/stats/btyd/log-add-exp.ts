/** ln(e^u + e^v) without overflow or underflow; −∞ when both are −∞. */
export function logAddExp(u: number, v: number): number {
  const high = Math.max(u, v);
  if (high === Number.NEGATIVE_INFINITY) return high;
  return high + Math.log1p(Math.exp(Math.min(u, v) - high));
}
