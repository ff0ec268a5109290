import { describe, expect, it } from "vitest";
import { phikFromTable } from "./phik.js";

// The worked example of test/fixtures/phik/SOURCE.md (`d_cat3x4_moderate`, color × size),
// with phik v0.12.5's values.
const COLOR_SIZE = [
  [35, 54, 56, 10],
  [72, 91, 50, 23],
  [134, 115, 59, 101],
];

describe("phikFromTable", () => {
  it("gives phik's φK with and without the noise correction", () => {
    expect(phikFromTable(COLOR_SIZE)).toBeCloseTo(0.2059972918467394, 12);
    expect(phikFromTable(COLOR_SIZE, { noiseCorrection: false })).toBeCloseTo(
      0.2152624988962032,
      12,
    );
  });

  it("does not depend on the order or orientation of the table", () => {
    const transposed = COLOR_SIZE[0]?.map((_, j) => COLOR_SIZE.map((row) => row[j] ?? 0)) ?? [];
    const reordered = [COLOR_SIZE[2] ?? [], COLOR_SIZE[0] ?? [], COLOR_SIZE[1] ?? []];
    const expected = phikFromTable(COLOR_SIZE);
    expect(phikFromTable(transposed)).toBeCloseTo(expected, 9);
    expect(phikFromTable(reordered)).toBeCloseTo(expected, 9);
  });

  it("drops empty rows and columns, which are not levels", () => {
    const padded = [[0, 0, 0, 0, 0], ...COLOR_SIZE.map((row) => [...row, 0])];
    expect(phikFromTable(padded)).toBe(phikFromTable(COLOR_SIZE));
  });

  it("is 0 for independent counts once the noise pedestal is removed", () => {
    const independent = [
      [10, 20, 30],
      [20, 40, 60],
    ];
    expect(phikFromTable(independent)).toBe(0);
  });

  it("is 1 for a perfect association", () => {
    const diagonal = [
      [200, 0, 0],
      [0, 200, 0],
      [0, 0, 200],
    ];
    expect(phikFromTable(diagonal)).toBeCloseTo(1, 5);
  });

  it("is NaN when fewer than 2 rows or columns have records", () => {
    expect(phikFromTable([[3, 4, 5]])).toBeNaN();
    expect(phikFromTable([[3], [4]])).toBeNaN();
    expect(
      phikFromTable([
        [3, 0],
        [4, 0],
      ]),
    ).toBeNaN();
    expect(phikFromTable([])).toBeNaN();
  });

  it("rejects ragged tables and negative or non-finite counts", () => {
    expect(() => phikFromTable([[1, 2], [3]])).toThrow(RangeError);
    expect(() =>
      phikFromTable([
        [1, -2],
        [3, 4],
      ]),
    ).toThrow(RangeError);
    expect(() =>
      phikFromTable([
        [1, Number.NaN],
        [3, 4],
      ]),
    ).toThrow(RangeError);
  });

  it("handles a 16 × 16 table", () => {
    const table = Array.from({ length: 16 }, (_, i) =>
      Array.from({ length: 16 }, (_, j) => 5 + ((i * 7 + j * 3) % 11) + (i === j ? 40 : 0)),
    );
    const value = phikFromTable(table);
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThan(1);
  });
});
