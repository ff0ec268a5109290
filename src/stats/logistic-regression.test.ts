import { describe, expect, it } from "vitest";
import { expectClose, readFixture } from "../../test/fixtures/stats/read-fixture.js";
import { lnGamma } from "./gamma.js";
import { logisticLikelihoodRatio, logisticLikelihoodRatios } from "./logistic-likelihood-ratio.js";
import { fitLogisticRegression } from "./logistic-regression.js";
import type { CovariatePattern } from "./logistic-rows.js";
import { oddsRatioTest } from "./odds-ratio.js";

interface Case {
  name: string;
  columns: string[];
  patterns: CovariatePattern[];
  intercept: { estimate: number; se: number };
  coefficients: { status: string; estimate?: number; se?: number; z?: number; p?: number }[];
  n: number;
  successes: number;
  log_likelihood: number;
  null_log_likelihood: number;
  grouped_log_likelihood: number;
  mcfadden_r2: number;
  auc: number;
  likelihood_ratio: {
    dimension: string;
    columns: number[];
    test: { chi2: number; df: number; p: number } | null;
  }[];
  unadjusted: {
    column: number;
    group: [number, number];
    reference: [number, number];
    odds_ratio?: number;
    se?: number;
    p?: number;
  }[];
}

// make-stats-fixtures.py (logistic-regression.json): statsmodels GLM(Binomial) with
// freq_weights on one row per user, cross-checked there against Logit on the expanded rows.
const { cases } = readFixture<Case[]>("logistic-regression");
const byName = (name: string): Case => {
  const found = cases.find((c) => c.name === name);
  if (!found) throw new Error(`no fixture case ${name}`);
  return found;
};
const REL = 1e-6;

describe("fitLogisticRegression against statsmodels", () => {
  for (const c of cases) {
    it(`${c.name}: estimates, standard errors, Wald tests and fit to 1e-6`, () => {
      const fit = fitLogisticRegression(c.patterns);
      if (!fit) throw new Error("no fit");
      expect(fit.converged).toBe(true);
      expectClose(fit.intercept.estimate ?? Number.NaN, c.intercept.estimate, REL, 1e-9);
      expectClose(fit.intercept.standardError ?? Number.NaN, c.intercept.se, REL, 0);
      expect(fit.coefficients.map((k) => k.status)).toEqual(c.coefficients.map((k) => k.status));
      c.coefficients.forEach((expected, j) => {
        const actual = fit.coefficients[j];
        if (expected.status !== "estimated") {
          expect(actual?.estimate, c.columns[j]).toBeNull();
          return;
        }
        expectClose(actual?.estimate ?? Number.NaN, expected.estimate ?? Number.NaN, REL, 1e-9);
        expectClose(actual?.standardError ?? Number.NaN, expected.se ?? Number.NaN, REL, 0);
        expectClose(actual?.z ?? Number.NaN, expected.z ?? Number.NaN, REL, 1e-8);
        expectClose(actual?.pValue ?? Number.NaN, expected.p ?? Number.NaN, REL, 1e-300);
      });
      expect([fit.n, fit.successes]).toEqual([c.n, c.successes]);
      expectClose(fit.logLikelihood, c.log_likelihood, 1e-9, 0);
      expectClose(fit.nullLogLikelihood, c.null_log_likelihood, 1e-9, 0);
      expectClose(fit.mcfaddenR2, c.mcfadden_r2, REL, 0);
      expectClose(fit.auc, c.auc, 1e-9, 0);
    });

    it(`${c.name}: the likelihood-ratio test of each dimension`, () => {
      const fit = fitLogisticRegression(c.patterns);
      if (!fit) throw new Error("no fit");
      const dimensions = c.likelihood_ratio;
      const results = logisticLikelihoodRatios(
        c.patterns,
        fit,
        dimensions.map((d) => d.columns),
      );
      dimensions.forEach(({ dimension, test }, i) => {
        const result = results[i];
        if (test === null) {
          expect(result, dimension).toBeNull();
          return;
        }
        expect(result?.df, dimension).toBe(test.df);
        expectClose(result?.chi2 ?? Number.NaN, test.chi2, REL, 1e-7);
        expectClose(result?.pValue ?? Number.NaN, test.p, 1e-5, 1e-300);
      });
    });

    it(`${c.name}: reports the per-user log-likelihood, not the grouped binomial one`, () => {
      // statsmodels' GLM on (successes, failures) adds Σ log C(n, s) over the patterns left
      // in the fit; the per-user likelihood does not depend on how users are grouped.
      const fit = fitLogisticRegression(c.patterns);
      const separated = c.coefficients.flatMap((k, j) => (k.status === "separated" ? [j] : []));
      const constant = c.patterns
        .filter((p) => separated.every((j) => p.x[j] === 0))
        .reduce(
          (sum, p) =>
            sum +
            lnGamma(p.trials + 1) -
            lnGamma(p.successes + 1) -
            lnGamma(p.trials - p.successes + 1),
          0,
        );
      expectClose((fit?.logLikelihood ?? Number.NaN) + constant, c.grouped_log_likelihood, 1e-9, 0);
    });
  }

  it("unadjusted odds ratios and Wald p-values match statsmodels' Table2x2", () => {
    for (const c of cases) {
      for (const u of c.unadjusted) {
        const result = oddsRatioTest(
          { successes: u.group[0], trials: u.group[1] },
          { successes: u.reference[0], trials: u.reference[1] },
        );
        if (u.odds_ratio === undefined) {
          expect(result).toBeNull();
          continue;
        }
        expectClose(result?.oddsRatio ?? Number.NaN, u.odds_ratio, 1e-12, 0);
        expectClose(result?.standardError ?? Number.NaN, u.se ?? Number.NaN, 1e-12, 0);
        expectClose(result?.pValue ?? Number.NaN, u.p ?? Number.NaN, 1e-9, 1e-300);
      }
    }
  });
});

describe("fitLogisticRegression on the designs of ANALYSIS.md §13", () => {
  it("gives a value whose users never repeated a null estimate and leaves them out", () => {
    const c = byName("separation");
    const fit = fitLogisticRegression(c.patterns);
    const masterclass = c.columns.indexOf("event_type=masterclass");
    const app = c.columns.indexOf("device=app");
    expect(fit?.coefficients[masterclass]?.status).toBe("separated");
    expect(fit?.coefficients[app]?.status).toBe("separated");
    const all = c.patterns.reduce((sum, p) => sum + p.trials, 0);
    const leftOut = c.patterns
      .filter((p) => p.x[masterclass] === 1 || p.x[app] === 1)
      .reduce((sum, p) => sum + p.trials, 0);
    expect(fit?.n).toBe(all - leftOut);
  });

  it("leaves a city that is all of its region's users out as collinear", () => {
    const c = byName("collinear");
    const fit = fitLogisticRegression(c.patterns);
    const status = Object.fromEntries(
      c.columns.map((name, j) => [name, fit?.coefficients[j]?.status]),
    );
    expect(status).toMatchObject({
      "region=tatarstan": "estimated",
      "city=kazan": "collinear",
      "city=samara": "estimated",
      "city=tolyatti": "collinear",
    });
  });

  it("tests a dimension with one value nowhere: it has no columns", () => {
    const c = byName("realistic");
    const service = c.likelihood_ratio.find((d) => d.dimension === "service");
    expect(service?.columns).toEqual([]);
    const fit = fitLogisticRegression(c.patterns);
    if (!fit) throw new Error("no fit");
    expect(logisticLikelihoodRatio(c.patterns, fit, [])).toBeNull();
  });
});

describe("fitLogisticRegression worked by hand", () => {
  // One indicator: 30 of 100 users with the value succeeded, 20 of 100 without it.
  const patterns = [
    { x: [1], trials: 100, successes: 30 },
    { x: [0], trials: 100, successes: 20 },
  ];

  it("reports the fit: log-likelihoods, McFadden's R², AUC", () => {
    const fit = fitLogisticRegression(patterns);
    const ll = 30 * Math.log(0.3) + 70 * Math.log(0.7) + 20 * Math.log(0.2) + 80 * Math.log(0.8);
    const ll0 = 50 * Math.log(0.25) + 150 * Math.log(0.75);
    expectClose(fit?.logLikelihood ?? Number.NaN, ll, 1e-12, 0);
    expectClose(fit?.nullLogLikelihood ?? Number.NaN, ll0, 1e-14, 0);
    expectClose(fit?.mcfaddenR2 ?? Number.NaN, 1 - ll / ll0, 1e-10, 0);
    // 30 successes scored 0.3 beat the 80 failures at 0.2 and tie the 70 at 0.3;
    // 20 successes at 0.2 tie those 80: (30·(80 + 35) + 20·40) / (50·150) = 17/30.
    expectClose(fit?.auc ?? Number.NaN, 17 / 30, 1e-14, 0);
  });

  it("tests dropping the column by the G statistic of the 2×2 table", () => {
    const fit = fitLogisticRegression(patterns);
    if (!fit) throw new Error("no fit");
    // Expected counts without the column: 25 and 75 in each row.
    const g =
      2 *
      (30 * Math.log(30 / 25) +
        70 * Math.log(70 / 75) +
        20 * Math.log(20 / 25) +
        80 * Math.log(80 / 75));
    const result = logisticLikelihoodRatio(patterns, fit, [0]);
    expect(result?.df).toBe(1);
    expectClose(result?.chi2 ?? Number.NaN, g, 1e-9, 0);
  });

  it("is null when no one succeeded, or when the users left all succeeded", () => {
    expect(fitLogisticRegression([{ x: [1], trials: 10, successes: 0 }])).toBeNull();
    // Column 0's users never succeeded and are set aside; everyone left succeeded.
    const left = [
      { x: [1], trials: 10, successes: 0 },
      { x: [0], trials: 10, successes: 10 },
    ];
    expect(fitLogisticRegression(left)).toBeNull();
  });

  it("fits an intercept alone when there are no columns", () => {
    const fit = fitLogisticRegression([{ x: [], trials: 40, successes: 10 }]);
    expectClose(fit?.intercept.estimate ?? Number.NaN, Math.log(10 / 30), 1e-12, 0);
    expectClose(fit?.intercept.standardError ?? Number.NaN, Math.sqrt(1 / 10 + 1 / 30), 1e-12, 0);
    expect(fit?.mcfaddenR2).toBe(0);
  });

  it("does not test a column left out as collinear", () => {
    const twins = [
      { x: [1, 1], trials: 100, successes: 30 },
      { x: [0, 0], trials: 100, successes: 20 },
    ];
    const fit = fitLogisticRegression(twins);
    if (!fit) throw new Error("no fit");
    expect(fit.coefficients.map((c) => c.status)).toEqual(["estimated", "collinear"]);
    expect(logisticLikelihoodRatio(twins, fit, [1])).toBeNull();
    // The twin stays out of the refit, so dropping column 0 is the one-column test.
    const single = fitLogisticRegression(patterns);
    if (!single) throw new Error("no fit");
    expect(logisticLikelihoodRatio(twins, fit, [0])).toEqual(
      logisticLikelihoodRatio(patterns, single, [0]),
    );
  });
});
