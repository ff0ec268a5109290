import { describe, expect, it } from "vitest";
import { expectClose, readFixture } from "../../test/fixtures/stats/read-fixture.js";
import { lnGamma, regularizedGammaP, regularizedGammaQ } from "./gamma.js";

// make-stats-fixtures.py (gamma.json): scipy.special.gammaln, gammainc, gammaincc.
const { cases } = readFixture<{
  lngamma: { x: number; lngamma: number }[];
  incomplete: { a: number; x: number; p: number; q: number }[];
}>("gamma");

describe("lnGamma", () => {
  it("matches scipy.special.gammaln to 1e-13 (absolute near its zeros at 1 and 2)", () => {
    for (const c of cases.lngamma) expectClose(lnGamma(c.x), c.lngamma, 1e-13, 1e-14);
  });

  it("is exact at the integers and ½: Γ(n) = (n−1)!, Γ(½) = √π", () => {
    expectClose(lnGamma(5), Math.log(24), 1e-14, 0);
    expectClose(lnGamma(0.5), Math.log(Math.sqrt(Math.PI)), 1e-14, 0);
    expect(lnGamma(0)).toBeNaN();
  });
});

describe("regularizedGammaP and regularizedGammaQ", () => {
  it("match scipy.special.gammainc / gammaincc to 1e-12 relative, tails included", () => {
    for (const c of cases.incomplete) {
      expectClose(regularizedGammaP(c.a, c.x), c.p, 1e-12, 1e-300);
      expectClose(regularizedGammaQ(c.a, c.x), c.q, 1e-12, 1e-300);
    }
  });

  it("are 0 and 1 at the ends and NaN outside the domain", () => {
    expect(regularizedGammaP(2, 0)).toBe(0);
    expect(regularizedGammaQ(2, 0)).toBe(1);
    expect(regularizedGammaQ(2, Number.POSITIVE_INFINITY)).toBe(0);
    expect(regularizedGammaP(0, 1)).toBeNaN();
    expect(regularizedGammaQ(1, -1)).toBeNaN();
  });
});
