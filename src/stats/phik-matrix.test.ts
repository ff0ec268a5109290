import { describe, expect, it } from "vitest";
import { phikFromTable } from "./phik.js";
import { type PhikColumn, phikMatrix } from "./phik-matrix.js";

const x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const COLUMNS: PhikColumn[] = [
  { name: "x", kind: "interval", values: x },
  { name: "constant", kind: "interval", values: x.map(() => 3.5) },
  { name: "half", kind: "categorical", values: x.map((v) => (v < 6 ? "low" : "high")) },
  { name: "empty", kind: "categorical", values: x.map(() => null) },
  { name: "flag", kind: "categorical", values: x.map((v) => (v % 2 ? "yes" : "no")) },
  { name: "partial", kind: "categorical", values: x.map((v) => (v % 2 ? null : `p${v % 3}`)) },
];

describe("phikMatrix", () => {
  const result = phikMatrix(COLUMNS);

  it("leaves out columns with fewer than 2 distinct values, keeping the order", () => {
    expect(result.names).toEqual(["x", "half", "flag", "partial"]);
    expect(result.dropped).toEqual(["constant", "empty"]);
  });

  it("is symmetric with 1 on the diagonal", () => {
    result.matrix.forEach((row, i) => {
      expect(row[i]).toBe(1);
      row.forEach((v, j) => {
        expect(v).toBe(result.matrix[j]?.[i]);
      });
    });
  });

  it("is null for a pair with one level left after pairwise deletion", () => {
    // partial is present only where flag is "no"
    expect(result.matrix[2]?.[3]).toBeNull();
  });

  it("bins interval columns into 10 equal-width bins before tabulating", () => {
    // x in 0..11: edges 0, 1.1, …, 9.9, 11, closed on the right, so 0 and 1 share bin 1,
    // 10 and 11 share bin 10, and every other value has a bin of its own.
    const xByFlag = [
      [1, 1],
      [1, 0],
      [0, 1],
      [1, 0],
      [0, 1],
      [1, 0],
      [0, 1],
      [1, 0],
      [0, 1],
      [1, 1],
    ];
    const options = { noiseCorrection: false };
    const uncorrected = phikMatrix(COLUMNS, options).matrix[0]?.[2];
    expect(uncorrected).toBe(phikFromTable(xByFlag, options));
    expect(uncorrected).toBeGreaterThan(0);
    expect(result.matrix[0]?.[2]).toBe(phikFromTable(xByFlag));
  });

  it("rejects text in an interval column, duplicate names and ragged columns", () => {
    expect(() => phikMatrix([{ name: "a", kind: "interval", values: [1, "2"] }])).toThrow(
      RangeError,
    );
    const a: PhikColumn = { name: "a", kind: "categorical", values: ["u", "v"] };
    expect(() => phikMatrix([a, a])).toThrow(RangeError);
    expect(() => phikMatrix([a, { name: "b", kind: "categorical", values: ["u"] }])).toThrow(
      RangeError,
    );
  });
});
