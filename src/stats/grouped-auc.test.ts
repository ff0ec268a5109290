import { describe, expect, it } from "vitest";
import { expectClose } from "../../test/fixtures/stats/read-fixture.js";
import { groupedAuc } from "./grouped-auc.js";
import { mannWhitneyU } from "./mann-whitney.js";

const groups = [
  { score: 0.9, positives: 3, negatives: 0 },
  { score: 0.2, positives: 1, negatives: 3 },
  { score: 0.5, positives: 2, negatives: 1 },
];

describe("groupedAuc", () => {
  it("counts the pairs a positive wins, ties as one half", () => {
    // 6 positives × 4 negatives = 24 pairs. At 0.2: 1 positive ties 3 negatives (1.5);
    // at 0.5: 2 positives beat 3 and tie 1 (7); at 0.9: 3 positives beat all 4 (12).
    expect(groupedAuc(groups)).toBe(20.5 / 24);
  });

  it("is the Mann–Whitney U of the positives over P·N on the units one by one", () => {
    const expand = (key: "positives" | "negatives") =>
      groups.flatMap((g) => new Array<number>(g[key]).fill(g.score));
    const u = mannWhitneyU(expand("positives"), expand("negatives")).u1;
    expectClose(groupedAuc(groups), u / 24, 1e-15, 0);
  });

  it("merges groups with equal scores and is 1/2 when every score ties", () => {
    const split = [
      { score: 0.4, positives: 2, negatives: 1 },
      { score: 0.4, positives: 1, negatives: 5 },
    ];
    expect(groupedAuc(split)).toBe(0.5);
  });

  it("is NaN without a positive or without a negative", () => {
    expect(groupedAuc([{ score: 0.3, positives: 4, negatives: 0 }])).toBeNaN();
    expect(groupedAuc([])).toBeNaN();
  });
});
