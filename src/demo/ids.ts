import type { Random } from "./random.js";

/**
 * Order ids: 9-digit integers that grow with random gaps. Every id has the same number
 * of digits, so numeric and text order agree and the first-order tie rule (ties of
 * order_ts broken by order_id) has one answer whichever way an id is compared.
 */
export class OrderIds {
  private last = 100_000_000;

  constructor(private readonly rng: Random) {}

  next(): string {
    this.last += 1 + this.rng.int(9);
    if (this.last > 999_999_999) throw new Error("demo: order ids exhausted (too many orders)");
    return String(this.last);
  }
}

/**
 * A 15-hex-digit user id: a bijective 32-bit mix of the user's index (so ids never
 * collide) followed by 7 random hex digits (so they look like a real system's).
 */
export function userIdOf(index: number, rng: Random): string {
  let z = (index + 0x632be5ab) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x7feb352d) >>> 0;
  z = Math.imul(z ^ (z >>> 15), 0x846ca68b) >>> 0;
  z = (z ^ (z >>> 16)) >>> 0;
  const tail = rng.int(0x10000000);
  return z.toString(16).padStart(8, "0") + tail.toString(16).padStart(7, "0");
}
