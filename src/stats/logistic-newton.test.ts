import { describe, expect, it } from "vitest";
import { expectClose } from "../../test/fixtures/stats/read-fixture.js";
import { fitNewton } from "./logistic-newton.js";
import { packRows } from "./logistic-rows.js";

// One indicator: 30 of 100 users with the value succeeded, 20 of 100 without it.
const rows = packRows([
  { x: [1], trials: 100, successes: 30 },
  { x: [0], trials: 100, successes: 20 },
]);

describe("fitNewton", () => {
  it("reproduces the 2×2 table: the log odds ratio with Woolf's standard error", () => {
    // The model is saturated, so μ = 0.3 and 0.2 exactly: β₀ = logit 0.2, β₁ = log(12/7),
    // se(β₀) = √(1/20 + 1/80), se(β₁) = √(1/30 + 1/70 + 1/20 + 1/80).
    const fit = fitNewton(rows, 2);
    expect(fit.converged).toBe(true);
    expectClose(fit.coefficients[0] ?? Number.NaN, Math.log(20 / 80), 1e-12, 0);
    expectClose(fit.coefficients[1] ?? Number.NaN, Math.log(12 / 7), 1e-12, 0);
    expectClose(fit.standardErrors[0] ?? Number.NaN, Math.sqrt(1 / 20 + 1 / 80), 1e-12, 0);
    expectClose(
      fit.standardErrors[1] ?? Number.NaN,
      Math.sqrt(1 / 30 + 1 / 70 + 1 / 20 + 1 / 80),
      1e-12,
      0,
    );
    expectClose(fit.fitted[0] ?? Number.NaN, 0.3, 1e-12, 0);
    const ll = 30 * Math.log(0.3) + 70 * Math.log(0.7) + 20 * Math.log(0.2) + 80 * Math.log(0.8);
    expectClose(fit.logLikelihood, ll, 1e-14, 0);
  });

  it("halves a step that raises the deviance and still reaches the maximum", () => {
    // From β = (8, −8) every μ is near 0 or 1 and the weights near 0: the full Newton
    // step overshoots by orders of magnitude, and only halving brings the fit back.
    const fit = fitNewton(rows, 2, { start: [8, -8] });
    expect(fit.converged).toBe(true);
    expectClose(fit.coefficients[1] ?? Number.NaN, Math.log(12 / 7), 1e-10, 0);
  });

  it("stops without claiming convergence when the iterations run out", () => {
    const fit = fitNewton(rows, 2, { maxIterations: 1 });
    expect(fit.converged).toBe(false);
    expect(fit.iterations).toBe(1);
  });
});
