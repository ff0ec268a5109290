import { describe, expect, it } from "vitest";
import { expectClose } from "../../test/fixtures/stats/read-fixture.js";
import { normalSf } from "./normal.js";
import { confounded, oddsRatioTest } from "./odds-ratio.js";

describe("oddsRatioTest", () => {
  it("gives a·d / (b·c) and Woolf's Wald test of its logarithm", () => {
    // 30 of 100 against 20 of 100: OR = (30·80) / (70·20) = 12/7.
    const result = oddsRatioTest({ successes: 30, trials: 100 }, { successes: 20, trials: 100 });
    const se = Math.sqrt(1 / 30 + 1 / 70 + 1 / 20 + 1 / 80);
    expectClose(result?.oddsRatio ?? Number.NaN, 12 / 7, 1e-14, 0);
    expectClose(result?.standardError ?? Number.NaN, se, 1e-14, 0);
    expectClose(result?.z ?? Number.NaN, Math.log(12 / 7) / se, 1e-14, 0);
    expectClose(result?.pValue ?? Number.NaN, 2 * normalSf(Math.log(12 / 7) / se), 1e-14, 0);
  });

  it("has no Wald test when a cell is empty (no or only successes in a group)", () => {
    expect(oddsRatioTest({ successes: 0, trials: 40 }, { successes: 20, trials: 100 })).toBeNull();
    expect(oddsRatioTest({ successes: 40, trials: 40 }, { successes: 20, trials: 100 })).toBeNull();
    expect(oddsRatioTest({ successes: 3, trials: 40 }, { successes: 0, trials: 0 })).toBeNull();
  });
});

describe("confounded (ANALYSIS.md §13)", () => {
  it("holds when the adjusted and unadjusted effects point in opposite directions", () => {
    expect(confounded({ oddsRatio: 0.8, pValue: 0.01 }, { oddsRatio: 1.3, pValue: 0.01 })).toBe(
      true,
    );
  });

  it("holds for opposite directions even when neither is significant, as §13 reads", () => {
    expect(confounded({ oddsRatio: 0.9, pValue: 0.5 }, { oddsRatio: 1.1, pValue: 0.6 })).toBe(true);
  });

  it("holds when one is significant at 0.05 and the other is not", () => {
    expect(confounded({ oddsRatio: 1.05, pValue: 0.4 }, { oddsRatio: 1.5, pValue: 0.001 })).toBe(
      true,
    );
    expect(confounded({ oddsRatio: 1.4, pValue: 0.049 }, { oddsRatio: 1.4, pValue: 0.05 })).toBe(
      true,
    );
  });

  it("does not hold when both agree, or when either is missing", () => {
    expect(confounded({ oddsRatio: 1.4, pValue: 0.001 }, { oddsRatio: 1.6, pValue: 0.0001 })).toBe(
      false,
    );
    expect(confounded(null, { oddsRatio: 1.6, pValue: 0.0001 })).toBe(false);
    expect(confounded({ oddsRatio: 1.6, pValue: 0.0001 }, null)).toBe(false);
  });
});
