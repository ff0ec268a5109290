import { describe, expect, it } from "vitest";
import { expectClose, readFixture } from "../../test/fixtures/stats/read-fixture.js";
import { normalSf } from "./normal.js";
import { twoProportionZTest } from "./two-proportion-z.js";

interface Case {
  x1: number;
  n1: number;
  x2: number;
  n2: number;
  z: number;
  p: number;
}

describe("twoProportionZTest", () => {
  // make-stats-fixtures.py (two-proportion-z.json): pooled z, p = 2·scipy.stats.norm.sf(|z|).
  it("matches the pooled z-test computed with scipy to 1e-9", () => {
    for (const c of readFixture<Case[]>("two-proportion-z").cases) {
      const result = twoProportionZTest(c.x1, c.n1, c.x2, c.n2);
      expectClose(result.z, c.z, 1e-9, 1e-12);
      expectClose(result.pValue, c.p, 1e-9, 1e-300);
    }
  });

  it("gives z = 0, p = 1 when the pooled variance is zero (ANALYSIS.md §11.8)", () => {
    expect(twoProportionZTest(0, 10, 0, 20)).toEqual({ z: 0, pValue: 1 });
    expect(twoProportionZTest(10, 10, 20, 20)).toEqual({ z: 0, pValue: 1 });
  });

  it("keeps tiny p-values exact: |z| = 12 gives p = 2·Φ(−12)", () => {
    // x1/n1 = 0.7, x2/n2 = 0.3 with n = 450 each gives z = 12 exactly.
    const result = twoProportionZTest(315, 450, 135, 450);
    expectClose(result.z, 12, 1e-14, 0);
    expectClose(result.pValue, 2 * 1.776482112077679e-33, 1e-13, 0);
    expect(result.pValue).toBe(2 * normalSf(result.z));
  });

  it("is NaN for an empty group", () => {
    const result = twoProportionZTest(0, 0, 3, 10);
    expect(result.z).toBeNaN();
    expect(result.pValue).toBeNaN();
  });
});
