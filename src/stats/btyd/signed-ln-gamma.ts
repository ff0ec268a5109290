import { lnGamma } from "../gamma.js";
import type { SignedLog } from "./signed-log.js";

/**
 * ln|Γ(x)| with the sign of Γ(x), for every real x that is not a pole; at the
 * poles 0, −1, −2, … the sign is NaN and the log +∞.
 */
export function signedLnGamma(x: number): SignedLog {
  if (x > 0) return { sign: 1, log: lnGamma(x) };
  if (!Number.isFinite(x) || Number.isInteger(x)) {
    return { sign: Number.NaN, log: Number.POSITIVE_INFINITY };
  }
  // Reflection Γ(x)Γ(1 − x) = π / sin(πx), with x reduced mod 2 so sin(πx) keeps its digits.
  const s = Math.sin(Math.PI * (x - 2 * Math.floor(x / 2)));
  return { sign: Math.sign(s), log: Math.log(Math.PI / Math.abs(s)) - lnGamma(1 - x) };
}
