import type { Random } from "./random.js";

/** A standard normal draw (Box–Muller; the spare value is discarded to keep draws simple). */
export function normal(rng: Random): number {
  const u = 1 - rng.float();
  const v = rng.float();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A log-normal draw with the given median and log-scale sigma. */
export function logNormal(rng: Random, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(rng));
}

/** An exponential draw with the given rate (mean 1 / rate). */
export function exponential(rng: Random, rate: number): number {
  return -Math.log(1 - rng.float()) / rate;
}

/** A Gamma(shape, scale) draw (Marsaglia & Tsang, 2000; shape < 1 by the boost U^(1/shape)). */
export function gamma(rng: Random, shape: number, scale: number): number {
  if (shape < 1) return gamma(rng, shape + 1, scale) * (1 - rng.float()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(rng);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = 1 - rng.float();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v * scale;
  }
}

/** A Beta(a, b) draw as the ratio of two Gamma draws. */
export function beta(rng: Random, a: number, b: number): number {
  const x = gamma(rng, a, 1);
  const y = gamma(rng, b, 1);
  return x / (x + y);
}

/** A Poisson draw (Knuth's product method: the demo only needs small means). */
export function poisson(rng: Random, mean: number): number {
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rng)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.float();
  while (p > limit) {
    k++;
    p *= rng.float();
  }
  return k;
}
