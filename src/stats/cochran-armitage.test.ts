import { describe, expect, it } from "vitest";
import { expectClose, readFixture } from "../../test/fixtures/stats/read-fixture.js";
import { cochranArmitage, type TrendGroup } from "./cochran-armitage.js";

interface Case {
  name: string;
  successes: number[];
  trials: number[];
  score: number[];
  z: number;
  chi2: number;
  p: number;
}

const groups = (successes: number[], trials: number[], score: number[]): TrendGroup[] =>
  successes.map((x, i) => ({ successes: x, trials: trials[i] ?? 0, score: score[i] ?? 0 }));

describe("cochranArmitage", () => {
  // R's ?prop.trend.test: smokers <- c(83, 90, 129, 70); patients <- c(86, 93, 136, 82);
  // prop.trend.test(smokers, patients) prints X-squared = 8.2249, df = 1, p-value = 0.004132.
  it("reproduces the example of R's prop.trend.test", () => {
    const result = cochranArmitage(groups([83, 90, 129, 70], [86, 93, 136, 82], [1, 2, 3, 4]));
    expectClose(result?.chi2 ?? Number.NaN, 8.2249, 0, 5e-5);
    expectClose(result?.pValue ?? Number.NaN, 0.004132, 0, 5e-7);
    // The share of smokers falls from 97% to 85% across the four groups.
    expect(result?.z).toBeLessThan(0);
  });

  // make-stats-fixtures.py (cochran-armitage.json): R's weighted regression rebuilt with
  // statsmodels WLS, so the closed form here is checked against a different computation.
  it("matches R's regression form of the statistic to 1e-9", () => {
    for (const c of readFixture<Case[]>("cochran-armitage").cases) {
      const result = cochranArmitage(groups(c.successes, c.trials, c.score));
      expect(result, c.name).not.toBeNull();
      expectClose(result?.z ?? Number.NaN, c.z, 1e-9, 1e-12);
      expectClose(result?.chi2 ?? Number.NaN, c.chi2, 1e-9, 1e-12);
      expectClose(result?.pValue ?? Number.NaN, c.p, 1e-9, 1e-300);
    }
  });

  it("gives the trend's direction as the sign of z", () => {
    const rising = cochranArmitage(groups([10, 20, 30], [100, 100, 100], [0, 1, 2]));
    const falling = cochranArmitage(groups([30, 20, 10], [100, 100, 100], [0, 1, 2]));
    expect(rising?.z).toBeGreaterThan(0);
    expectClose(falling?.z ?? Number.NaN, -(rising?.z ?? Number.NaN), 1e-14, 0);
    expect(falling?.pValue).toBe(rising?.pValue);
  });

  it("is the two-proportion z-test when there are two groups", () => {
    // Pooled p = 42/220; z = (30/120 − 12/100)/√(p(1−p)(1/100 + 1/120)) = 2.4429280…
    const result = cochranArmitage(groups([12, 30], [100, 120], [0, 1]));
    const p = 42 / 220;
    const z = (30 / 120 - 12 / 100) / Math.sqrt(p * (1 - p) * (1 / 100 + 1 / 120));
    expectClose(result?.z ?? Number.NaN, z, 1e-12, 0);
  });

  it("does not depend on the scale or origin of the scores", () => {
    const base = cochranArmitage(groups([5, 9, 14], [50, 60, 55], [0, 1, 2]));
    const moved = cochranArmitage(groups([5, 9, 14], [50, 60, 55], [2000, 2010, 2020]));
    expectClose(moved?.z ?? Number.NaN, base?.z ?? Number.NaN, 1e-12, 0);
  });

  it("ignores groups with no trials", () => {
    const without = cochranArmitage(groups([5, 9, 14], [50, 60, 55], [0, 2, 3]));
    const withEmpty = cochranArmitage(groups([5, 0, 9, 14], [50, 0, 60, 55], [0, 1, 2, 3]));
    expect(withEmpty).toEqual(without);
  });

  it("tests nothing with one group, or with every group at one score", () => {
    expect(cochranArmitage(groups([5], [50], [0]))).toBeNull();
    expect(cochranArmitage(groups([5, 0], [50, 0], [0, 1]))).toBeNull();
    expect(cochranArmitage(groups([5, 9], [50, 60], [0.1, 0.1]))).toBeNull();
    expect(cochranArmitage([])).toBeNull();
  });

  it("gives z = 0, p = 1 when no one or everyone succeeded (zero variance, §11.8)", () => {
    const none = cochranArmitage(groups([0, 0, 0], [40, 50, 60], [0, 1, 2]));
    const all = cochranArmitage(groups([40, 50, 60], [40, 50, 60], [0, 1, 2]));
    expect(none).toEqual({ z: 0, chi2: 0, pValue: 1 });
    expect(all).toEqual({ z: 0, chi2: 0, pValue: 1 });
  });
});
