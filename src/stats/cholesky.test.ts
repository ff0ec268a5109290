import { describe, expect, it } from "vitest";
import { expectClose } from "../../test/fixtures/stats/read-fixture.js";
import { cholesky, choleskyInverseDiagonal, choleskySolve } from "./cholesky.js";

// A = [[4, 2], [2, 3]] = LLᵀ with L = [[2, 0], [1, √2]]; A⁻¹ = [[3, −2], [−2, 4]] / 8.
const a = [
  [4, 2],
  [2, 3],
];

describe("cholesky", () => {
  it("factors a symmetric positive-definite matrix as LLᵀ", () => {
    const lower = cholesky(a);
    expect(lower?.[0]).toEqual([2, 0]);
    expect(lower?.[1]?.[0]).toBe(1);
    expectClose(lower?.[1]?.[1] ?? Number.NaN, Math.SQRT2, 1e-15, 0);
  });

  it("solves Ax = b and gives the diagonal of A⁻¹", () => {
    const lower = cholesky(a) ?? [];
    // A·[1, −1] = [2, −1].
    const x = choleskySolve(lower, [2, -1]);
    expectClose(x[0] ?? Number.NaN, 1, 1e-15, 1e-15);
    expectClose(x[1] ?? Number.NaN, -1, 1e-15, 1e-15);
    const diagonal = choleskyInverseDiagonal(lower);
    expectClose(diagonal[0] ?? Number.NaN, 3 / 8, 1e-15, 0);
    expectClose(diagonal[1] ?? Number.NaN, 1 / 2, 1e-15, 0);
  });

  it("refuses a matrix that is not positive definite", () => {
    expect(
      cholesky([
        [1, 2],
        [2, 1],
      ]),
    ).toBeUndefined();
    expect(
      cholesky([
        [1, 1],
        [1, 1],
      ]),
    ).toBeUndefined();
  });
});
