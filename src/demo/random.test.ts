import { describe, expect, it } from "vitest";
import { Random, subSeed } from "./random.js";
import { beta, gamma, normal, poisson } from "./samplers.js";
import { Weighted } from "./weighted.js";

const mean = (draw: () => number, n = 20_000): number => {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += draw();
  return sum / n;
};

describe("Random", () => {
  it("repeats its stream for the same seed and differs for another", () => {
    const take = (seed: number) =>
      Array.from({ length: 5 }, new Random(seed).uint32.bind(new Random(seed)));
    const a = new Random(1);
    const b = new Random(1);
    expect(Array.from({ length: 5 }, () => a.uint32())).toEqual(
      Array.from({ length: 5 }, () => b.uint32()),
    );
    expect(take(1)).not.toEqual(take(2));
  });

  it("draws floats in [0, 1) and ints in range", () => {
    const rng = new Random(3);
    for (let i = 0; i < 1000; i++) {
      const f = rng.float();
      expect(f >= 0 && f < 1).toBe(true);
      const k = rng.between(2, 4);
      expect(k >= 2 && k <= 4).toBe(true);
    }
  });

  it("derives distinct sub-seeds", () => {
    expect(new Set([0, 1, 2, 3].map((s) => subSeed(42, s))).size).toBe(4);
  });
});

describe("samplers: means close to theory", () => {
  const rng = new Random(11);
  it("normal: mean 0", () => expect(Math.abs(mean(() => normal(rng)))).toBeLessThan(0.03));
  it("gamma(shape 2, scale 3): mean 6", () =>
    expect(mean(() => gamma(rng, 2, 3))).toBeCloseTo(6, 0));
  it("gamma(shape 0.5, scale 2): mean 1", () =>
    expect(mean(() => gamma(rng, 0.5, 2))).toBeCloseTo(1, 1));
  it("beta(1, 3): mean 0.25", () => expect(mean(() => beta(rng, 1, 3))).toBeCloseTo(0.25, 1));
  it("poisson(2.5): mean 2.5", () => expect(mean(() => poisson(rng, 2.5))).toBeCloseTo(2.5, 1));
});

describe("Weighted", () => {
  it("samples values in proportion to their weights", () => {
    const rng = new Random(5);
    const w = new Weighted([
      ["a", 3],
      ["b", 1],
    ] as const);
    expect(w.share(0)).toBe(0.75);
    expect(mean(() => (w.sample(rng) === "a" ? 1 : 0))).toBeCloseTo(0.75, 1);
  });

  it("rejects a non-positive weight", () => {
    expect(() => new Weighted([["a", 0]])).toThrow("invalid weight 0");
  });
});
