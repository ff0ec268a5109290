import { describe, expect, it } from "vitest";
import { findSeparation } from "./logistic-separation.js";

describe("findSeparation", () => {
  it("sets aside a column whose users all succeeded or all failed, with its users", () => {
    const patterns = [
      { x: [0, 0], trials: 50, successes: 20 },
      { x: [1, 0], trials: 10, successes: 0 },
      { x: [0, 1], trials: 30, successes: 9 },
      { x: [1, 1], trials: 5, successes: 0 },
    ];
    const { separated, rows } = findSeparation(patterns, 2);
    expect(separated).toEqual([true, false]);
    expect(rows).toEqual([
      { x: [0, 0], trials: 50, successes: 20 },
      { x: [0, 1], trials: 30, successes: 9 },
    ]);
  });

  it("repeats until no column is separated by the users already set aside", () => {
    // Column 0's users all succeeded. Column 1's only successes are those users, so
    // once they are set aside its remaining 12 users all failed: separated in round two.
    const patterns = [
      { x: [0, 0], trials: 40, successes: 10 },
      { x: [1, 1], trials: 6, successes: 6 },
      { x: [0, 1], trials: 12, successes: 0 },
    ];
    const { separated, rows } = findSeparation(patterns, 2);
    expect(separated).toEqual([true, true]);
    expect(rows).toEqual([{ x: [0, 0], trials: 40, successes: 10 }]);
  });

  it("flags nothing when every column has users who succeeded and users who failed", () => {
    const patterns = [
      { x: [1], trials: 3, successes: 1 },
      { x: [0], trials: 3, successes: 2 },
      { x: [1], trials: 0, successes: 0 },
    ];
    const { separated, rows } = findSeparation(patterns, 1);
    expect(separated).toEqual([false]);
    expect(rows).toHaveLength(2);
  });
});
