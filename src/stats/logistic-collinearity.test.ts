import { describe, expect, it } from "vitest";
import { findAliased } from "./logistic-collinearity.js";
import { packRows } from "./logistic-rows.js";

const aliased = (patterns: { x: number[]; trials: number }[]) =>
  findAliased(packRows(patterns.map((p) => ({ ...p, successes: 0 }))), patterns[0]?.x.length ?? 0);

describe("findAliased", () => {
  it("keeps the first of two equal columns and marks the later one collinear", () => {
    // A city whose users are exactly its region's: columns 0 (region) and 1 (city) agree.
    const status = aliased([
      { x: [1, 1, 0], trials: 40 },
      { x: [0, 0, 1], trials: 25 },
      { x: [0, 0, 0], trials: 90 },
    ]);
    expect(status).toEqual(["kept", "collinear", "kept"]);
  });

  it("marks a column that is a sum of earlier columns, and one equal to the intercept", () => {
    // Column 2 = column 0 + column 1; column 3 is every user (the intercept).
    const status = aliased([
      { x: [1, 0, 1, 1], trials: 10 },
      { x: [0, 1, 1, 1], trials: 20 },
      { x: [0, 0, 0, 1], trials: 30 },
    ]);
    expect(status).toEqual(["kept", "kept", "collinear", "collinear"]);
  });

  it("marks a column without users empty", () => {
    expect(
      aliased([
        { x: [1, 0], trials: 10 },
        { x: [0, 0], trials: 20 },
      ]),
    ).toEqual(["kept", "empty"]);
  });

  it("keeps a column that differs from an earlier one by one user in ten million", () => {
    const status = aliased([
      { x: [1, 1], trials: 10_000_000 },
      { x: [1, 0], trials: 1 },
      { x: [0, 0], trials: 5_000_000 },
    ]);
    expect(status).toEqual(["kept", "kept"]);
  });
});
