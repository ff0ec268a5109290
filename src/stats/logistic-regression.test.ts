import { describe, expect, it } from "vitest";
import { expectClose, readFixture } from "../../test/fixtures/stats/read-fixture.js";
import { logisticLikelihoodRatio } from "./logistic-likelihood-ratio.js";
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
      for (const { dimension, columns, test } of c.likelihood_ratio) {
        const result = logisticLikelihoodRatio(c.patterns, fit, columns);
        if (test === null) {
          expect(result, dimension).toBeNull();
          continue;
        }
        expect(result?.df, dimension).toBe(test.df);
        expectClose(result?.chi2 ?? Number.NaN, test.chi2, REL, 1e-7);
        expectClose(result?.pValue ?? Number.NaN, test.p, 1e-5, 1e-300);
      }
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
