import { describe, expect, it } from "vitest";
import { expectClose } from "../../../test/fixtures/stats/read-fixture.js";
import { fitBgNbd } from "./bg-nbd.js";
import { cdnowSample } from "./cdnow.test-helpers.js";
import { hyp2f1 } from "./hyp2f1.js";
import {
  fitMbgNbd,
  mbgNbdConditionalExpected,
  mbgNbdExpected,
  mbgNbdLogLikelihood,
  mbgNbdProbabilityAlive,
  mbgNbdTotalLogLikelihood,
} from "./mbg-nbd.js";

const cdnow = cdnowSample();
const fit = fitMbgNbd(cdnow);
const { params } = fit;

describe("fitMbgNbd on the CDNOW sample (39-week calibration)", () => {
  // lifetimes' test_params_out_is_close_to_BTYDplus: r, α, a, b = 0.525, 6.183, 0.891, 1.614
  // (BTYDplus mbgnbd.EstimateParameters on the same data), to 3 decimals.
  it("converges from the default start to BTYDplus' r = 0.525, α = 6.183, a = 0.891, b = 1.614", () => {
    expect(fit.converged).toBe(true);
    expectClose(params.r, 0.525, 0, 1.5e-3);
    expectClose(params.alpha, 6.183, 0, 1.5e-3);
    expectClose(params.a, 0.891, 0, 1.5e-3);
    expectClose(params.b, 1.614, 0, 1.5e-3);
  });

  it("fits CDNOW at least as well as the BG/NBD (LL −9582.14 against −9582.43)", () => {
    expectClose(fit.logLikelihood, -9582.136, 0, 1e-3);
    expect(fit.logLikelihood).toBeGreaterThan(fitBgNbd(cdnow).logLikelihood);
  });

  it("has finite, positive standard errors", () => {
    for (const se of Object.values(fit.standardErrors)) {
      expect(Number.isFinite(se) && se > 0).toBe(true);
    }
  });

  it("sums per-customer log-likelihoods to the total", () => {
    const sum = cdnow.x.reduce(
      (acc, x, i) => acc + mbgNbdLogLikelihood(params, x, cdnow.tx[i] ?? 0, cdnow.T[i] ?? 0),
      0,
    );
    expectClose(sum, mbgNbdTotalLogLikelihood(params, cdnow), 1e-12);
  });
});

describe("MBG/NBD predictions with the CDNOW estimates", () => {
  it("gives one-time buyers P(alive) = 1/(1 + a/b·(1 + T/α)^r) < 1", () => {
    const { r, alpha, a, b } = params;
    const alive = mbgNbdProbabilityAlive(params, 0, 0, 38.86);
    expectClose(alive, 1 / (1 + (a / b) * (1 + 38.86 / alpha) ** r), 1e-14);
    expect(alive).toBeLessThan(1);
  });

  // lifetimes' test: within 0.05 of the BG/NBD's 1.226 for FHL's example customer.
  it("expects about as many purchases as the BG/NBD for FHL's example customer", () => {
    expectClose(mbgNbdConditionalExpected(params, 39, 2, 30.43, 38.86), 1.226, 0, 0.05);
  });

  it("gives E[X(t)] = b/(a−1)·(1 − (α/(α+t))^r·2F1(r, b+1; a+b; t/(α+t))) (Batislam et al. 2007)", () => {
    const { r, alpha, a, b } = params;
    for (const t of [1, 39, 78, 520]) {
      const direct =
        (b / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b + 1, a + b, t / (alpha + t)));
      expectClose(mbgNbdExpected(params, t), direct, 1e-12);
    }
  });
});
