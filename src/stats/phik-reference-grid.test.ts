import { describe, expect, it } from "vitest";
import { normalCdf } from "./normal.js";
import { phikReferenceGrid } from "./phik-reference-grid.js";

function total(cells: number[][]): number {
  return cells.flat().reduce((s, v) => s + v, 0);
}

// Reference numbers from phik v0.12.5 (test/fixtures/phik/SOURCE.md, step 6 and the
// worked example `d_cat3x4_moderate`).
describe("phikReferenceGrid", () => {
  it("lays equal cells over [−5, 5]² like numpy's linspace", () => {
    const grid = phikReferenceGrid(3, 4);
    expect(grid.xEdges).toEqual([-5, -1.6666666666666665, 1.666666666666667, 5]);
    expect(grid.yEdges).toEqual([-5, -2.5, 0, 2.5, 5]);
  });

  it("keeps the outer cells finite: the mass outside the square is lost", () => {
    const inside = normalCdf(5) - normalCdf(-5);
    const grid = phikReferenceGrid(4, 6);
    expect(total(grid.cells(0))).toBeCloseTo(inside ** 2, 15);
    expect(total(grid.cells(1))).toBeCloseTo(inside, 15);
  });

  it("puts the mass of X = Y on the diagonal segments at ρ = 1, off-diagonal cells included", () => {
    const p1 = phikReferenceGrid(3, 4).cells(1);
    expect(p1[0]?.[0]).toBeCloseTo(0.006209378674204222, 15);
    expect(p1[0]?.[1]).toBeCloseTo(0.04158068694703859, 15);
    expect(p1[0]?.[2]).toBe(0);
    expect(p1[1]?.[1]).toBeCloseTo(0.4522096477271853, 15);
  });

  it("gives X(0) = 0 and phik's X(1) for a 3 × 4 grid, which is not min(r, c) − 1", () => {
    const grid = phikReferenceGrid(3, 4);
    expect(grid.chi2PerRecord(0)).toBe(0);
    expect(grid.chi2PerRecord(1)).toBeCloseTo(0.3221856872961056, 12);
  });

  it("gives X(1) = min(r, c) − 1 when one grid refines the other", () => {
    expect(phikReferenceGrid(5, 10).chi2PerRecord(1)).toBeCloseTo(4, 9);
    expect(phikReferenceGrid(2, 2).chi2PerRecord(1)).toBeCloseTo(1, 9);
  });

  it("is unchanged by swapping the variables, and increases with ρ", () => {
    const a = phikReferenceGrid(3, 7);
    const b = phikReferenceGrid(7, 3);
    let previous = 0;
    for (const rho of [0.1, 0.4, 0.7, 0.95, 0.9999]) {
      const x = a.chi2PerRecord(rho);
      expect(x).toBeCloseTo(b.chi2PerRecord(rho), 12);
      expect(x).toBeGreaterThan(previous);
      previous = x;
    }
  });

  it("rejects a correlation outside [0, 1] and an empty shape", () => {
    expect(() => phikReferenceGrid(3, 3).cells(-0.1)).toThrow(RangeError);
    expect(() => phikReferenceGrid(0, 3)).toThrow(RangeError);
  });
});
