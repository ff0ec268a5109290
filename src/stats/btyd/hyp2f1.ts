import { hyp2f1Continuation } from "./hyp2f1-continuation.js";
import { hyp2f1Series } from "./hyp2f1-series.js";
import { signedLnGamma } from "./signed-ln-gamma.js";
import { type SignedLog, signedLogProduct, signedLogValue } from "./signed-log.js";

const UNDEFINED: SignedLog = { sign: Number.NaN, log: Number.NaN };
// Above z = ½ the series is still the fastest when c is large against a and b; past this
// many terms the integration of the equation takes over.
const SERIES_BUDGET = 2000;

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for real a, b, c and z ≤ 1
 * (`scipy.special.hyp2f1`), as a signed log so that values beyond a double
 * survive. Of two equivalent forms (Pfaff's pair on w = z/(z−1) in (0, 1) for
 * z < 0; F and its Euler transform for 0 < z < 1) it takes the one with fewer
 * large negative parameters, else the one with c − a − b ≥ 0; then Gauss's
 * series for z ≤ ½ (and above when it converges fast), else an integration of
 * the hypergeometric equation, which has no trouble near z = 1 or with integer
 * c − a − b. At z = 1 Gauss's sum when c − a − b > 0, else ±∞. NaN for z > 1
 * (the branch cut) and for c = 0, −1, −2, …
 *
 * Accurate to about 1e-12 relative when c is not small against a large a or b,
 * which covers the BTYD models (c grows with a and b there). With a large a or b,
 * a c of a few units and z < 0 the value can be a tiny remainder of huge terms
 * that cancel: with one large parameter 1e-4 relative was the worst seen, with
 * both large few digits survive (as with scipy).
 */
export function hyp2f1Log(a: number, b: number, c: number, z: number): SignedLog {
  if ([a, b, c, z].some(Number.isNaN) || z > 1 || isPole(c)) return UNDEFINED;
  if (a === 0 || b === 0 || z === 0) return { sign: 1, log: 0 };
  if (isPole(a) || isPole(b)) return hyp2f1Series(a, b, c, z);
  if (z === 1) return gaussSum(a, b, c);
  if (z === Number.NEGATIVE_INFINITY) return UNDEFINED;
  if (z < 0) {
    // Pfaff: F = (1−z)^(−a)·F(a, c−b; c; w) = (1−z)^(−b)·F(c−a, b; c; w), w = z/(z−1).
    const [w, d, log1mz] = [z / (z - 1), 1 / (1 - z), Math.log1p(-z)];
    return prefer([a, c - b, c], [c - a, b, c])
      ? withPrefactor(unitInterval(a, c - b, c, w, d), -a * log1mz)
      : withPrefactor(unitInterval(c - a, b, c, w, d), -b * log1mz);
  }
  // Euler: F(a, b; c; z) = (1−z)^(c−a−b)·F(c−a, c−b; c; z).
  const d = 1 - z;
  return prefer([a, b, c], [c - a, c - b, c])
    ? unitInterval(a, b, c, z, d)
    : withPrefactor(unitInterval(c - a, c - b, c, z, d), (c - a - b) * Math.log(d));
}

/** 2F1(a, b; c; z) as a number (±∞ beyond the range of a double); see `hyp2f1Log`. */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  return signedLogValue(hyp2f1Log(a, b, c, z));
}

/**
 * Whether to evaluate `first` rather than `second`, two parameter triples of the same
 * function: the one with fewer parameters below −2 (each makes terms change sign that
 * many times, and large terms of changing sign cancel), else the one with c − a − b ≥ 0
 * (bounded at z = 1, where the other's terms grow like (1−z)^(c−a−b)).
 */
function prefer(first: Triple, second: Triple): boolean {
  const negative = (t: Triple) => t.reduce((sum, v) => sum + (v < -2 ? -v : 0), 0);
  const [one, two] = [negative(first), negative(second)];
  if (one !== two) return one < two;
  return first[2] - first[0] - first[1] >= 0;
}

type Triple = [number, number, number];

/** 0 < z < 1, with d = 1 − z computed without cancellation by the caller. */
function unitInterval(a: number, b: number, c: number, z: number, d: number): SignedLog {
  if (z <= 0.5 || isPole(a) || isPole(b)) return hyp2f1Series(a, b, c, z);
  const series = hyp2f1Series(a, b, c, z, SERIES_BUDGET);
  return Number.isNaN(series.sign) ? hyp2f1Continuation(a, b, c, d) : series;
}

/** F(a, b; c; 1) = Γ(c)Γ(c−a−b) / (Γ(c−a)Γ(c−b)) when c − a − b > 0, else it diverges. */
function gaussSum(a: number, b: number, c: number): SignedLog {
  const excess = c - a - b;
  if (excess <= 0) {
    // F grows like (1−z)^(c−a−b) or −ln(1−z) times Γ(c)/(Γ(a)Γ(b)) (Γ(a+b−c) > 0).
    const sign = signedLnGamma(c).sign * signedLnGamma(a).sign * signedLnGamma(b).sign;
    return { sign, log: Number.POSITIVE_INFINITY };
  }
  if (isPole(c - a) || isPole(c - b)) return { sign: 0, log: Number.NEGATIVE_INFINITY };
  const terms = [
    signedLnGamma(c),
    signedLnGamma(excess),
    signedLnGamma(c - a),
    signedLnGamma(c - b),
  ];
  const [gc, ge, gca, gcb] = terms as [SignedLog, SignedLog, SignedLog, SignedLog];
  return {
    sign: gc.sign * ge.sign * gca.sign * gcb.sign,
    log: gc.log + ge.log - gca.log - gcb.log,
  };
}

function withPrefactor(value: SignedLog, logPrefactor: number): SignedLog {
  return signedLogProduct(value, { sign: 1, log: logPrefactor });
}

/** 0, −1, −2, …: a pole of Γ, where c makes 2F1 undefined and a or b make it a polynomial. */
function isPole(v: number): boolean {
  return v <= 0 && Number.isInteger(v);
}
