import { describe, expect, it } from "vitest";
import { expectClose, readFixture } from "../../test/fixtures/stats/read-fixture.js";
import { spearmanRho } from "./spearman.js";

describe("spearmanRho", () => {
  // make-stats-fixtures.py (spearman.json): scipy.stats.spearmanr on the non-NaN pairs.
  it("matches scipy.stats.spearmanr to 1e-12, ties and NaN pairs included", () => {
    const { cases } = readFixture<{ x: number[]; y: number[]; rho: number }[]>("spearman");
    for (const c of cases) expectClose(spearmanRho(c.x, c.y), c.rho, 1e-12, 1e-14);
  });

  it("is ±1 for monotone data", () => {
    expect(spearmanRho([1, 2, 3, 4], [1, 4, 9, 16])).toBe(1);
    expect(spearmanRho([1, 2, 3, 4], [9, 4, 1, 0])).toBe(-1);
  });

  it("is NaN for a constant side or fewer than two pairs", () => {
    expect(spearmanRho([1, 2, 3], [5, 5, 5])).toBeNaN();
    expect(spearmanRho([1], [2])).toBeNaN();
    expect(spearmanRho([1, Number.NaN], [Number.NaN, 2])).toBeNaN();
  });
});
