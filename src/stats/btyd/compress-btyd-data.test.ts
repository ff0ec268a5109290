import { describe, expect, it } from "vitest";
import { checkBtydData } from "./btyd-data.js";
import { compressBtydData } from "./compress-btyd-data.js";

describe("compressBtydData", () => {
  it("merges identical triples, sums their weights and sorts by x, tx, T", () => {
    const compressed = compressBtydData({
      x: [2, 0, 2, 0, 1],
      tx: [5, 0, 5, 0, 3],
      T: [10, 12, 10, 10, 10],
      weights: [1, 2, 3, 1, 1],
    });
    expect({
      x: [...compressed.x],
      tx: [...compressed.tx],
      T: [...compressed.T],
      weights: [...compressed.weights],
    }).toEqual({ x: [0, 0, 1, 2], tx: [0, 0, 3, 5], T: [10, 12, 10, 10], weights: [1, 2, 1, 4] });
  });

  it("counts each entry once without weights", () => {
    expect([...compressBtydData({ x: [1, 1], tx: [2, 2], T: [3, 3] }).weights]).toEqual([2]);
  });
});

describe("checkBtydData", () => {
  it("names the first invalid entry and what was expected", () => {
    expect(() => checkBtydData({ x: [1, 1.5], tx: [1, 1], T: [2, 2] })).toThrow(
      "invalid x[1]: 1.5; expected an integer ≥ 0",
    );
    expect(() => checkBtydData({ x: [1], tx: [3], T: [2] })).toThrow(
      "invalid tx[0]: 3; expected 0 ≤ tx ≤ T = 2, and 0 when x = 0",
    );
    expect(() => checkBtydData({ x: [0], tx: [1], T: [2] })).toThrow("invalid tx[0]");
    expect(() => checkBtydData({ x: [0], tx: [0], T: [Number.NaN] })).toThrow("invalid T[0]: NaN");
    expect(() => checkBtydData({ x: [0], tx: [0], T: [1], weights: [-1] })).toThrow(
      "invalid weights[0]",
    );
    expect(() => checkBtydData({ x: [0, 1], tx: [0], T: [1, 1] })).toThrow(
      "must have the same length",
    );
  });
});
