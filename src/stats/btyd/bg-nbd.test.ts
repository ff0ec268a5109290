import { describe, expect, it } from "vitest";
import { expectClose } from "../../../test/fixtures/stats/read-fixture.js";
import {
  bgNbdConditionalExpected,
  bgNbdExpected,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  bgNbdTotalLogLikelihood,
  fitBgNbd,
} from "./bg-nbd.js";
import { cdnowSample } from "./cdnow.test-helpers.js";
import { compressBtydData } from "./compress-btyd-data.js";

const cdnow = cdnowSample();
const fit = fitBgNbd(cdnow);
const { params } = fit;

describe("fitBgNbd on the CDNOW sample (39-week calibration)", () => {
  it("has the literature's 2,357 customers, 946 repeat buyers and T = 38.86 for a 1997-01-01 buyer", () => {
    expect(cdnow.x).toHaveLength(2357);
    expect(cdnow.x.filter((x) => x > 0)).toHaveLength(946);
    expect(cdnow.x.reduce((sum, x) => sum + x, 0)).toBe(2457);
    expect(cdnow.T[0]).toBe(272 / 7);
    expect(cdnow.tx[0]).toBe(213 / 7);
  });

  // Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way", section 5.
  it("reproduces r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4 from the default start", () => {
    expect(fit.converged).toBe(true);
    expectClose(params.r, 0.243, 0, 5e-4);
    expectClose(params.alpha, 4.414, 0, 5e-4);
    expectClose(params.a, 0.793, 0, 5e-4);
    expectClose(params.b, 2.426, 0, 5e-4);
    expectClose(fit.logLikelihood, -9582.4, 0, 0.05);
    expect(fit.n).toBe(2357);
  });

  // CLVTools' correctness test for bgnbd on cdnow: r = 0.2425945, α = 4.4136019,
  // a = 0.7929199, b = 2.4258881, LL = −9582.429.
  it("agrees with CLVTools' estimates to 2e-5 relative", () => {
    expectClose(params.r, 0.2425945, 2e-5);
    expectClose(params.alpha, 4.4136019, 2e-5);
    expectClose(params.a, 0.7929199, 2e-5);
    expectClose(params.b, 2.4258881, 2e-5);
    expectClose(fit.logLikelihood, -9582.429, 0, 1e-3);
  });

  // lifetimes' Quickstart, `bgf.summary` on the CDNOW summary: se(coef) 0.012557, 0.378221,
  // 0.185719, 0.705345 (its variance is the delta method on log-parameters: the same at the optimum).
  it("gives lifetimes' standard errors to 1e-3 relative", () => {
    const se = fit.standardErrors;
    expectClose(se.r, 0.012557, 1e-3);
    expectClose(se.alpha, 0.378221, 1e-3);
    expectClose(se.a, 0.185719, 1e-3);
    expectClose(se.b, 0.705345, 1e-3);
  });

  it("gets the same estimates from the 1,016 distinct (x, tx, T) triples with counts", () => {
    const compressed = compressBtydData(cdnow);
    expect(compressed.x).toHaveLength(1016);
    const again = fitBgNbd(compressed);
    expectClose(again.logLikelihood, fit.logLikelihood, 1e-12);
    expectClose(again.params.b, params.b, 1e-5);
  });

  it("sums per-customer log-likelihoods to the total", () => {
    const sum = cdnow.x.reduce(
      (acc, x, i) => acc + bgNbdLogLikelihood(params, x, cdnow.tx[i] ?? 0, cdnow.T[i] ?? 0),
      0,
    );
    expectClose(sum, bgNbdTotalLogLikelihood(params, cdnow), 1e-12);
    expectClose(sum, fit.logLikelihood, 1e-12);
  });
});

describe("BG/NBD predictions with the CDNOW estimates", () => {
  // FHL 2005, section 5: x = 2, tx = 30.43, T = 38.86 expects 1.226 purchases in the next 39 weeks.
  it("expects 1.226 purchases in 39 weeks for FHL's example customer", () => {
    expectClose(bgNbdConditionalExpected(params, 39, 2, 30.43, 38.86), 1.226, 0, 5e-4);
  });

  // Hardie's BG/NBD spreadsheet, E[X(t)] as quoted by lifetimes' tests
  // (test_expectation_returns_same_value_Hardie_excel_sheet).
  it("gives E[X(t)] of Hardie's spreadsheet to the 4 decimals printed", () => {
    const times = [0.1429, 1, 3, 31.8571, 32, 78];
    const expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    times.forEach((t, i) => {
      expectClose(bgNbdExpected(params, t), expected[i] ?? 0, 0, 5e-4);
    });
  });

  it("has P(alive) = 1 without repeat purchases and falling with the time since the last", () => {
    expect(bgNbdProbabilityAlive(params, 0, 0, 38.86)).toBe(1);
    const recent = bgNbdProbabilityAlive(params, 2, 38, 38.86);
    const lapsed = bgNbdProbabilityAlive(params, 2, 5, 38.86);
    expect(recent).toBeGreaterThan(lapsed);
    expect(recent).toBeLessThan(1);
  });

  // Holdout 1997-10-01 .. 1998-06-30 counted from the data: 1,882 purchase occasions
  // (1,959 rows before same-day merging). Predicted: 1,653.41, computed independently with
  // scipy 1.10.1 hyp2f1 and CLVTools' estimates. The model under-forecasts this holdout by
  // 12%; the cumulative repeat purchases through week 78 (FHL 2005, figure 2) are within 5%.
  it("predicts 1,653 holdout purchases against 1,882 actual, and cumulative purchases within 5%", () => {
    const predicted = cdnow.x.map((x, i) =>
      bgNbdConditionalExpected(params, 39, x, cdnow.tx[i] ?? 0, cdnow.T[i] ?? 0),
    );
    const total = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0);
    expect(total(cdnow.holdout)).toBe(1882);
    expectClose(total(predicted), 1653.41, 0, 0.5);
    // Customers by calibration repeat purchases 0, 1, …, 6, 7+ (FHL 2005, figure 4's groups).
    const byFrequency = [0, 1, 2, 3, 4, 5, 6, 7].map(
      (k) => cdnow.x.filter((x) => Math.min(x, 7) === k).length,
    );
    expect(byFrequency).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    const cumulativePredicted = cdnow.T.reduce((sum, T) => sum + bgNbdExpected(params, T + 39), 0);
    const cumulativeActual = 2457 + total(cdnow.holdout);
    expect(Math.abs(cumulativePredicted / cumulativeActual - 1)).toBeLessThan(0.05);
  });
});
