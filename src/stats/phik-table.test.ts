import { describe, expect, it } from "vitest";
import { phikTable } from "./phik-table.js";

describe("phikTable", () => {
  it("counts pairs, leaving out a record missing either value", () => {
    const x = [1, 1, 2, 2, null, 3, Number.NaN];
    const y = ["b", "a", "a", "a", "a", null, "b"];
    expect(phikTable(x, y)).toEqual({
      xLevels: [1, 2],
      yLevels: ["a", "b"],
      counts: [
        [1, 1],
        [2, 0],
      ],
    });
  });

  it("keeps only the levels that occur in complete records", () => {
    const { xLevels, yLevels } = phikTable([5, 7, 9], ["u", null, "v"]);
    expect(xLevels).toEqual([5, 9]);
    expect(yLevels).toEqual(["u", "v"]);
  });

  it("orders numbers ascending, then text by code point", () => {
    const { xLevels } = phikTable([10, 2, "b", "B", "é"], [1, 1, 1, 1, 1]);
    expect(xLevels).toEqual([2, 10, "B", "b", "é"]);
  });

  it("rejects sequences of different lengths", () => {
    expect(() => phikTable([1, 2], [1])).toThrow(RangeError);
  });
});
