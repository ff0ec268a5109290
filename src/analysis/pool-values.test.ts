import { describe, expect, it } from "vitest";
import { poolValues } from "./pool-values.js";

const v = (value: string, users: number, twos = 0, fives = 0) => ({ value, users, twos, fives });

describe("poolValues (ANALYSIS.md §11.7)", () => {
  it("pools values under min_users into other", () => {
    expect(poolValues([v("a", 50, 10, 1), v("b", 29, 5, 2), v("c", 30, 3, 0)], 30, 15)).toEqual([
      v("a", 50, 10, 1),
      v("c", 30, 3, 0),
      v("other", 29, 5, 2),
    ]);
  });

  it("keeps the top N by users with ties by value ascending, and pools the rest", () => {
    expect(poolValues([v("z", 40), v("b", 40), v("a", 40), v("m", 90)], 1, 2)).toEqual([
      v("m", 90),
      v("a", 40),
      v("other", 80),
    ]);
  });

  it("merges a value literally called other into the pool and shows no empty other", () => {
    expect(poolValues([v("other", 35, 1), v("x", 40, 2)], 30, 15)).toEqual([
      v("x", 40, 2),
      v("other", 35, 1),
    ]);
    expect(poolValues([v("x", 40)], 30, 15)).toEqual([v("x", 40)]);
  });
});
