import { normalCdf } from "./normal.js";

const TWO_PI = 6.283185307179586;
const SQRT_TWO_PI = 2.5066282746310002;

// Gauss–Legendre nodes (negative half) and weights for 6, 12 and 20 points, as in Genz's BVNU.
const NODES: readonly (readonly number[])[] = [
  [-0.9324695142031522, -0.6612093864662647, -0.238619186083197],
  [
    -0.9815606342467191, -0.904117256370475, -0.769902674194305, -0.5873179542866171,
    -0.3678314989981802, -0.1252334085114692,
  ],
  [
    -0.9931285991850949, -0.9639719272779138, -0.9122344282513259, -0.8391169718222188,
    -0.7463319064601508, -0.636053680726515, -0.5108670019508271, -0.3737060887154196,
    -0.2277858511416451, -0.07652652113349732,
  ],
];
const WEIGHTS: readonly (readonly number[])[] = [
  [0.1713244923791705, 0.3607615730481384, 0.4679139345726904],
  [
    0.04717533638651177, 0.1069393259953183, 0.1600783285433464, 0.2031674267230659,
    0.2334925365383547, 0.2491470458134029,
  ],
  [
    0.01761400713915212, 0.04060142980038694, 0.06267204833410905, 0.08327674157670475,
    0.1019301198172404, 0.1181945319615184, 0.1316886384491766, 0.1420961093183821,
    0.1491729864726037, 0.1527533871307259,
  ],
];

/** P(X > h, Y > k) for finite h, k and |r| ≤ 1: Genz's BVNU (Drezner–Wesolowsky). */
function upperOrthant(h: number, k0: number, r: number): number {
  const absR = Math.abs(r);
  const rule = absR < 0.3 ? 0 : absR < 0.75 ? 1 : 2;
  const nodes = NODES[rule] ?? [];
  const weights = WEIGHTS[rule] ?? [];
  if (absR < 0.925) {
    const hk = h * k0;
    const hs = (h * h + k0 * k0) / 2;
    const asr = Math.asin(r);
    let sum = 0;
    for (let i = 0; i < nodes.length; i++) {
      const x = nodes[i] ?? 0;
      const w = weights[i] ?? 0;
      let sn = Math.sin((asr * (x + 1)) / 2);
      sum += w * Math.exp((sn * hk - hs) / (1 - sn * sn));
      sn = Math.sin((asr * (-x + 1)) / 2);
      sum += w * Math.exp((sn * hk - hs) / (1 - sn * sn));
    }
    return (sum * asr) / (2 * TWO_PI) + normalCdf(-h) * normalCdf(-k0);
  }
  // Near |r| = 1 the integrand of the formula above is singular, so Genz integrates
  // the difference from the degenerate case instead.
  const k = r < 0 ? -k0 : k0;
  const hk = h * k;
  let bvn = 0;
  if (absR < 1) {
    const as = (1 - r) * (1 + r);
    let a = Math.sqrt(as);
    const bs = (h - k) ** 2;
    const c = (4 - hk) / 8;
    const d = (12 - hk) / 16;
    bvn =
      a *
      Math.exp(-(bs / as + hk) / 2) *
      (1 - (c * (bs - as) * (1 - (d * bs) / 5)) / 3 + (c * d * as * as) / 5);
    if (hk > -160) {
      const b = Math.sqrt(bs);
      bvn -=
        Math.exp(-hk / 2) *
        SQRT_TWO_PI *
        normalCdf(-b / a) *
        b *
        (1 - (c * bs * (1 - (d * bs) / 5)) / 3);
    }
    a /= 2;
    for (let i = 0; i < nodes.length; i++) {
      const x = nodes[i] ?? 0;
      const w = weights[i] ?? 0;
      let xs = (a * (x + 1)) ** 2;
      let rs = Math.sqrt(1 - xs);
      bvn +=
        a *
        w *
        (Math.exp(-bs / (2 * xs) - hk / (1 + rs)) / rs -
          Math.exp(-(bs / xs + hk) / 2) * (1 + c * xs * (1 + d * xs)));
      xs = (as * (-x + 1) ** 2) / 4;
      rs = Math.sqrt(1 - xs);
      bvn +=
        a *
        w *
        Math.exp(-(bs / xs + hk) / 2) *
        (Math.exp((-hk * (1 - rs)) / (2 * (1 + rs))) / rs - (1 + c * xs * (1 + d * xs)));
    }
    bvn = -bvn / TWO_PI;
  }
  if (r > 0) return bvn + normalCdf(-Math.max(h, k));
  return -bvn + Math.max(0, normalCdf(-h) - normalCdf(-k));
}

/**
 * Bivariate standard normal CDF: P(X ≤ x, Y ≤ y) for standard normal X, Y with
 * correlation rho, accurate to about 1e-15 absolute. Uses Genz's BVNU
 * (Drezner–Wesolowsky with 6/12/20-point Gauss–Legendre, and the asymptotic form for
 * |rho| ≥ 0.925), the routine behind scipy's `mvnun` that the `phik` package (v0.12.5)
 * uses for φK (Baak et al. 2019, arXiv:1811.11440). x and y may be ±Infinity;
 * |rho| = 1 gives the degenerate limits. NaN in, or |rho| > 1, gives NaN.
 */
export function bivariateNormalCdf(x: number, y: number, rho: number): number {
  if (Number.isNaN(x) || Number.isNaN(y) || !(Math.abs(rho) <= 1)) return Number.NaN;
  if (x === Number.NEGATIVE_INFINITY || y === Number.NEGATIVE_INFINITY) return 0;
  if (x === Number.POSITIVE_INFINITY) return normalCdf(y);
  if (y === Number.POSITIVE_INFINITY) return normalCdf(x);
  const p = upperOrthant(-x, -y, rho);
  return Math.min(1, Math.max(0, p));
}
