import { describe, expect, it } from "vitest";
import { phikBin, phikBinEdges } from "./phik-binning.js";

// Edge values and bins as phik v0.12.5 gives them (test/fixtures/phik/SOURCE.md, step 2).
describe("phikBinEdges", () => {
  it("shifts the lowest edge by 1e-14·|lo|, so round values sit just above an edge", () => {
    const edges = phikBinEdges(1, 6);
    expect(edges).toHaveLength(11);
    expect(edges[0]).toBe(0.99999999999999);
    expect(edges[1]).toBe(1.4999999999999911);
    expect(edges[10]).toBe(6);
  });

  it("shifts a zero minimum by DBL_MIN only, so the edges stay round", () => {
    expect(phikBinEdges(0, 20)).toEqual([
      -2.2250738585072014e-308, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20,
    ]);
  });

  it("rejects a range it cannot bin", () => {
    expect(() => phikBinEdges(2, 1)).toThrow(RangeError);
    expect(() => phikBinEdges(0, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => phikBinEdges(0, 1, 0)).toThrow(RangeError);
  });
});

describe("phikBin", () => {
  it("closes bins on the right: a value on a round edge goes down when lo = 0", () => {
    const edges = phikBinEdges(0, 20);
    expect(phikBin(edges, 0)).toBe(1);
    expect(phikBin(edges, 2)).toBe(1);
    expect(phikBin(edges, 2.000001)).toBe(2);
    expect(phikBin(edges, 20)).toBe(10);
  });

  it("puts a value on a round edge in the upper bin when lo ≠ 0", () => {
    const edges = phikBinEdges(1, 6);
    expect(phikBin(edges, 1)).toBe(1);
    expect(phikBin(edges, 1.5)).toBe(2);
    expect(phikBin(edges, 2)).toBe(3);
    expect(phikBin(edges, 5.5)).toBe(10);
    expect(phikBin(edges, 6)).toBe(10);
  });

  it("counts the edges below the value outside the range too", () => {
    const edges = phikBinEdges(1, 6);
    expect(phikBin(edges, -5)).toBe(0);
    expect(phikBin(edges, 7)).toBe(11);
  });
});
