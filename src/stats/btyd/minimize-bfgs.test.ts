import { describe, expect, it } from "vitest";
import { minimizeBfgs } from "./minimize-bfgs.js";

/** Rosenbrock's valley in n dimensions; minimum 0 at (1, …, 1). */
function rosenbrock(x: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < x.length; i++) {
    const [u = 0, v = 0] = [x[i], x[i + 1]];
    sum += 100 * (v - u * u) ** 2 + (1 - u) ** 2;
  }
  return sum;
}

describe("minimizeBfgs", () => {
  it("finds the minimum of Rosenbrock's valley in 4 dimensions from numeric gradients", () => {
    const result = minimizeBfgs(rosenbrock, [-1.2, 1, -1.2, 1], { gradientTolerance: 1e-7 });
    expect(result.converged).toBe(true);
    for (const v of result.x) expect(Math.abs(v - 1)).toBeLessThan(1e-5);
  });

  it("uses an exact gradient when given one, and stops on it", () => {
    const f = ([x = 0, y = 0]: readonly number[]) => (x - 3) ** 2 + 10 * (y + 1) ** 2;
    const gradient = ([x = 0, y = 0]: readonly number[]) => [2 * (x - 3), 20 * (y + 1)];
    const result = minimizeBfgs(f, [0, 0], { gradient });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(3, 9);
    expect(result.x[1]).toBeCloseTo(-1, 9);
    expect(result.iterations).toBeLessThan(15);
  });

  it("treats non-finite values as too far and shortens the step", () => {
    // ln x − x has its maximum at x = 1; outside x > 0 the function is NaN.
    const f = ([x = 0]: readonly number[]) => x - Math.log(x);
    const result = minimizeBfgs(f, [20]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
  });

  it("is deterministic", () => {
    expect(minimizeBfgs(rosenbrock, [-1.2, 1])).toEqual(minimizeBfgs(rosenbrock, [-1.2, 1]));
  });
});
