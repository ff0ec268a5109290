import { describe, expect, it } from "vitest";
import { expectClose } from "../../../test/fixtures/stats/read-fixture.js";
import { numericHessian } from "./hessian.js";
import { standardErrors } from "./standard-errors.js";

// f(x) = ½ xᵀAx + x₀³ at x = (1, 2, −1): Hessian A + diag(6x₀, 0, 0).
const A = [
  [4, 1, 0.5],
  [1, 3, -0.2],
  [0.5, -0.2, 2],
];
const f = (x: readonly number[]) =>
  0.5 *
    x.reduce((sum, xi, i) => sum + xi * x.reduce((s, xj, j) => s + (A[i]?.[j] ?? 0) * xj, 0), 0) +
  (x[0] ?? 0) ** 3;
const gradient = (x: readonly number[]) =>
  x.map(
    (_, i) =>
      x.reduce((s, xj, j) => s + (A[i]?.[j] ?? 0) * xj, 0) + (i === 0 ? 3 * (x[0] ?? 0) ** 2 : 0),
  );
const expected = [
  [10, 1, 0.5],
  [1, 3, -0.2],
  [0.5, -0.2, 2],
];

describe("numericHessian", () => {
  it("differences f twice, or the gradient once, to the exact second derivatives", () => {
    const plain = numericHessian(f, [1, 2, -1]);
    const fromGradient = numericHessian(f, [1, 2, -1], { gradient });
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        expectClose(plain[i]?.[j] ?? 0, expected[i]?.[j] ?? 0, 0, 1e-6);
        expectClose(fromGradient[i]?.[j] ?? 0, expected[i]?.[j] ?? 0, 0, 1e-8);
      }
    }
  });
});

describe("standardErrors", () => {
  it("is √diag(H⁻¹)", () => {
    // H = [[4, 2], [2, 2]]: H⁻¹ = [[0.5, −0.5], [−0.5, 1]].
    const [a = 0, b = 0] = standardErrors([
      [4, 2],
      [2, 2],
    ]);
    expectClose(a, Math.sqrt(0.5), 1e-15);
    expectClose(b, 1, 1e-15);
  });

  it("is NaN when the Hessian is not positive definite (no strict minimum)", () => {
    expect(
      standardErrors([
        [1, 2],
        [2, 1],
      ]),
    ).toEqual([Number.NaN, Number.NaN]);
  });
});
