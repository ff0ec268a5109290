import { describe, expect, it } from "vitest";
import { expectClose } from "../../../test/fixtures/stats/read-fixture.js";
import { bgNbdConditionalExpected, fitBgNbd } from "./bg-nbd.js";
import { cdnowSample } from "./cdnow.test-helpers.js";
import {
  fitGammaGamma,
  gammaGammaConditionalMean,
  gammaGammaLogLikelihood,
} from "./gamma-gamma.js";
import { lifetimeValue } from "./lifetime-value.js";

const cdnow = cdnowSample();
const fit = fitGammaGamma({ x: cdnow.x, m: cdnow.m });
const { params } = fit;

describe("fitGammaGamma on the CDNOW sample", () => {
  // Hardie (2013), "The Gamma-Gamma Model of Monetary Value": p = 6.25, q = 3.74, γ = 15.44
  // from the 946 repeat customers' mean repeat-purchase value in the calibration period.
  it("reproduces p = 6.25, q = 3.74, γ = 15.44 from the 946 repeat customers", () => {
    expect(fit.n).toBe(946);
    expect(fit.converged).toBe(true);
    expectClose(params.p, 6.25, 0, 5e-3);
    expectClose(params.q, 3.74, 0, 5e-3);
    expectClose(params.gamma, 15.44, 0, 5e-3);
  });

  it("has finite, positive standard errors and a log-likelihood summed from the customers'", () => {
    for (const se of Object.values(fit.standardErrors))
      expect(Number.isFinite(se) && se > 0).toBe(true);
    const sum = cdnow.x.reduce(
      (acc, x, i) => (x > 0 ? acc + gammaGammaLogLikelihood(params, x, cdnow.m[i] ?? 0) : acc),
      0,
    );
    expectClose(sum, fit.logLikelihood, 1e-12);
  });

  it("rejects a repeat customer without a positive mean value", () => {
    expect(() => fitGammaGamma({ x: [1, 2], m: [10, 0] })).toThrow(
      "invalid m[1]: 0; expected a finite mean value > 0 when x ≥ 1",
    );
  });
});

// lifetimes' Quickstart on its CDNOW summary (values rounded to cents there, so agreement is
// to about 1e-3): conditional_expected_average_profit and customer_lifetime_value(bgf, …,
// time=12, discount_rate=0.01) with its default freq="D", i.e. 30 time units a month.
describe("Gamma-Gamma expected value and lifetime value, as lifetimes' Quickstart", () => {
  const customers = [
    { id: 1, x: 2, tx: 30.43, T: 38.86, m: 22.35, mean: 24.658619, clv: 140.096211 },
    { id: 6, x: 7, tx: 29.43, T: 38.86, m: 73.74, mean: 71.462843, clv: 1003.868107 },
    { id: 9, x: 2, tx: 35.71, T: 38.86, m: 25.55, mean: 27.282408, clv: 167.418216 },
    { id: 3, x: 0, tx: 0, T: 38.86, m: 0, mean: 35.170981, clv: 38.180574 },
  ];
  const bgNbd = fitBgNbd(cdnow).params;

  it("gives E[M | x, m] = (γp + pxm)/(px + q − 1), the population mean γp/(q−1) for x = 0", () => {
    for (const c of customers)
      expectClose(gammaGammaConditionalMean(params, c.x, c.m), c.mean, 5e-4);
    const { p, q, gamma } = params;
    expectClose(gammaGammaConditionalMean(params, 0, 0), (gamma * p) / (q - 1), 1e-15);
  });

  it("gives the discounted 12-month value of lifetimes' customer_lifetime_value", () => {
    for (const c of customers) {
      const value = lifetimeValue(
        (t) => bgNbdConditionalExpected(bgNbd, t, c.x, c.tx, c.T),
        gammaGammaConditionalMean(params, c.x, c.m),
        { months: 12, monthlyDiscountRate: 0.01, periodsPerMonth: 30 },
      );
      expectClose(value, c.clv, 1e-3);
    }
  });
});
