import { describe, expect, it } from "vitest";
import { packRows } from "./logistic-rows.js";
import { findSeparation } from "./logistic-separation.js";

const separation = (patterns: { x: number[]; trials: number; successes: number }[]) => {
  const { separated, keepRow } = findSeparation(packRows(patterns), patterns[0]?.x.length ?? 0);
  return { separated, kept: patterns.filter((_, r) => keepRow[r] === 1) };
};

describe("findSeparation", () => {
  it("sets aside a column whose users all succeeded or all failed, with its users", () => {
    const { separated, kept } = separation([
      { x: [0, 0], trials: 50, successes: 20 },
      { x: [1, 0], trials: 10, successes: 0 },
      { x: [0, 1], trials: 30, successes: 9 },
      { x: [1, 1], trials: 5, successes: 0 },
    ]);
    expect(separated).toEqual([true, false]);
    expect(kept).toEqual([
      { x: [0, 0], trials: 50, successes: 20 },
      { x: [0, 1], trials: 30, successes: 9 },
    ]);
  });

  it("repeats until no column is separated by the users already set aside", () => {
    // Column 0's users all succeeded. Column 1's only successes are those users, so
    // once they are set aside its remaining 12 users all failed: separated in round two.
    const { separated, kept } = separation([
      { x: [0, 0], trials: 40, successes: 10 },
      { x: [1, 1], trials: 6, successes: 6 },
      { x: [0, 1], trials: 12, successes: 0 },
    ]);
    expect(separated).toEqual([true, true]);
    expect(kept).toEqual([{ x: [0, 0], trials: 40, successes: 10 }]);
  });

  it("flags nothing when every column has users who succeeded and users who failed", () => {
    const { separated, kept } = separation([
      { x: [1], trials: 3, successes: 1 },
      { x: [0], trials: 3, successes: 2 },
    ]);
    expect(separated).toEqual([false]);
    expect(kept).toHaveLength(2);
  });
});
