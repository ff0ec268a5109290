import type { BgNbdParams } from "./bg-nbd.js";

/** Mulberry32: a small seeded generator of uniforms in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws (x, tx, T) for subjects observed for the given T from the BG/NBD process:
 * λ ~ Gamma(r, rate α) and p ~ Beta(a, b) per subject, exponential waiting times
 * with rate λ, and a drop-out with probability p after each repeat event.
 * `round` maps event times onto the observation grid (e.g. whole days).
 */
export function simulateBgNbd(
  { r, alpha, a, b }: BgNbdParams,
  T: readonly number[],
  random: () => number,
  round: (t: number) => number = (t) => t,
): { x: number[]; tx: number[]; T: number[] } {
  const out = { x: [] as number[], tx: [] as number[], T: [...T] };
  for (const end of T) {
    const rate = gammaDeviate(r, random) / alpha;
    const x1 = gammaDeviate(a, random);
    const p = x1 / (x1 + gammaDeviate(b, random));
    let [t, x, tx] = [0, 0, 0];
    for (;;) {
      t += -Math.log(1 - random()) / rate;
      if (!(t <= end)) break;
      x += 1;
      tx = t;
      if (random() < p) break;
    }
    out.x.push(x);
    out.tx.push(Math.min(round(tx), end));
  }
  return out;
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000), with the shape < 1 boost. */
function gammaDeviate(shape: number, random: () => number): number {
  if (shape < 1) return gammaDeviate(shape + 1, random) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const v = (1 + c * z) ** 3;
    if (v > 0 && Math.log(1 - random()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}
