import { describe, expect, it } from "vitest";
import { readFixture } from "../../test/fixtures/stats/read-fixture.js";
import { averageRanks } from "./ranks.js";

describe("averageRanks", () => {
  // make-stats-fixtures.py (ranks.json): scipy.stats.rankdata(method="average").
  it("matches scipy.stats.rankdata exactly", () => {
    for (const c of readFixture<{ x: number[]; ranks: number[] }[]>("ranks").cases) {
      expect(Array.from(averageRanks(c.x))).toEqual(c.ranks);
    }
  });

  it("gives tied values the mean of their ranks", () => {
    expect(Array.from(averageRanks([10, 20, 10, 30]))).toEqual([1.5, 3, 1.5, 4]);
  });
});
