import { describe, expect, it } from "vitest";
import {
  bgNbdConditionalExpected,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  fitBgNbd,
} from "./bg-nbd.js";
import { cdnowSample } from "./cdnow.test-helpers.js";
import {
  fitGammaGamma,
  gammaGammaConditionalMean,
  gammaGammaLogLikelihood,
} from "./gamma-gamma.js";
import {
  fitMbgNbd,
  mbgNbdConditionalExpected,
  mbgNbdLogLikelihood,
  mbgNbdProbabilityAlive,
} from "./mbg-nbd.js";

// Parameters of the CDNOW fits in weeks, and the same in days (α × 7).
const WEEKS = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const DAYS = { ...WEEKS, alpha: 4.414 * 7 };
const A_ABOVE_ONE = { r: 0.5, alpha: 3, a: 2.5, b: 4 };
const A_AT_ONE = { ...WEEKS, a: 1 };
const HISTORIES: [number, number, number][] = [];
for (const x of [0, 1, 2, 50, 1000]) {
  for (const T of [0, 1 / 7, 1, 38.86, 1e4]) {
    for (const tx of x === 0 ? [0] : [0, T / 2, T]) HISTORIES.push([x, tx, T]);
  }
}
const MODELS = [
  {
    name: "BG/NBD",
    ll: bgNbdLogLikelihood,
    alive: bgNbdProbabilityAlive,
    expected: bgNbdConditionalExpected,
  },
  {
    name: "MBG/NBD",
    ll: mbgNbdLogLikelihood,
    alive: mbgNbdProbabilityAlive,
    expected: mbgNbdConditionalExpected,
  },
];

describe.each(MODELS)("$name on extreme histories", ({ ll, alive, expected }) => {
  it("gives finite log-likelihoods, P(alive) in [0, 1] and finite expectations ≥ 0 (x to 1,000, T to 10⁴)", () => {
    for (const params of [WEEKS, DAYS, A_ABOVE_ONE, A_AT_ONE]) {
      for (const [x, tx, T] of HISTORIES) {
        const where = JSON.stringify({ params, x, tx, T });
        expect(Number.isFinite(ll(params, x, tx, T)), where).toBe(true);
        const p = alive(params, x, tx, T);
        expect(p >= 0 && p <= 1, where).toBe(true);
        for (const t of [1 / 7, 39, 520, 1e5]) {
          const e = expected(params, t, x, tx, T);
          expect(Number.isFinite(e) && e >= 0, `${where} t=${t}: ${e}`).toBe(true);
        }
      }
    }
  });

  it("is continuous across a = 1, where C/(a−1) and 1 − 2F1 vanish together", () => {
    for (const [x, tx, T] of [
      [0, 0, 38.86],
      [3, 20, 38.86],
    ] as const) {
      const at = expected(A_AT_ONE, 39, x, tx, T);
      const near = expected({ ...A_AT_ONE, a: 1 + 1e-3 }, 39, x, tx, T);
      expect(Math.abs(at / near - 1)).toBeLessThan(1e-3);
    }
  });
});

describe("fits with extreme customers added to CDNOW", () => {
  const cdnow = cdnowSample();
  // A customer with 1,000 repeat purchases in one day and one who bought on the last day.
  const data = { x: [...cdnow.x, 1000, 0], tx: [...cdnow.tx, 1 / 7, 0], T: [...cdnow.T, 1 / 7, 0] };

  it("still converge to finite estimates", () => {
    for (const fit of [fitBgNbd(data), fitMbgNbd(data)]) {
      expect(fit.converged).toBe(true);
      for (const v of [
        ...Object.values(fit.params),
        ...Object.values(fit.standardErrors),
        fit.logLikelihood,
      ]) {
        expect(Number.isFinite(v)).toBe(true);
      }
    }
  });

  it("keep the Gamma-Gamma finite for 1,000 purchases and means from a cent to a million", () => {
    const params = { p: 6.25, q: 3.74, gamma: 15.44 };
    for (const x of [1, 1000]) {
      for (const m of [0.01, 1e6]) {
        expect(Number.isFinite(gammaGammaLogLikelihood(params, x, m))).toBe(true);
        const mean = gammaGammaConditionalMean(params, x, m);
        // A weighted mean of m and the population mean γp/(q−1).
        expect(mean).toBeGreaterThanOrEqual(Math.min(m, 35.17));
        expect(mean).toBeLessThanOrEqual(Math.max(m, 35.18));
      }
    }
    const fit = fitGammaGamma({ x: [...cdnow.x, 1000], m: [...cdnow.m, 1e6] });
    expect(fit.converged).toBe(true);
    for (const v of Object.values(fit.params)) expect(Number.isFinite(v)).toBe(true);
  });
});
