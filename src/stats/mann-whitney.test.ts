import { describe, expect, it } from "vitest";
import { expectClose, readFixture } from "../../test/fixtures/stats/read-fixture.js";
import { mannWhitneyU, mannWhitneyUFromTies, type TieGroup } from "./mann-whitney.js";

interface Expected {
  u1: number;
  u2: number;
  z: number;
  p: number;
}
// make-stats-fixtures.py (mann-whitney.json): scipy.stats.mannwhitneyu(x, y,
// alternative="two-sided", method="asymptotic", use_continuity=True).
const { cases } = readFixture<{
  raw: (Expected & { x: number[]; y: number[] })[];
  grouped: (Expected & { n1: number[]; n2: number[] })[];
}>("mann-whitney");

function expectResult(actual: ReturnType<typeof mannWhitneyU>, expected: Expected): void {
  expect(actual.u1).toBe(expected.u1);
  expect(actual.u2).toBe(expected.u2);
  expectClose(actual.z, expected.z, 1e-9, 1e-12);
  expectClose(actual.pValue, expected.p, 1e-9, 1e-300);
}

describe("mannWhitneyU", () => {
  it("matches scipy on raw samples with ties, identical samples and tiny p-values", () => {
    for (const c of cases.raw) {
      const result = mannWhitneyU(c.x, c.y);
      expectResult(result, c);
      expect([result.n1, result.n2]).toEqual([c.x.length, c.y.length]);
    }
  });

  it("gives p = 1 and z = 0 when every value is tied (scipy: p = 1)", () => {
    const result = mannWhitneyU([1, 1, 1], [1, 1]);
    expect(result).toEqual({ u1: 3, u2: 3, z: 0, pValue: 1, n1: 3, n2: 2 });
  });

  it("gives NaN p for an empty sample or a NaN value", () => {
    expect(mannWhitneyU([], [1, 2]).pValue).toBeNaN();
    expect(mannWhitneyU([1, Number.NaN], [1, 2]).pValue).toBeNaN();
  });
});

describe("mannWhitneyUFromTies", () => {
  it("matches scipy for n1 = n2 = 100,000 given as ~2,000 tie groups", () => {
    for (const c of cases.grouped) {
      const groups: TieGroup[] = c.n1.map((n1, i) => ({ n1, n2: c.n2[i] ?? 0 }));
      const result = mannWhitneyUFromTies(groups);
      expectResult(result, c);
      expect([result.n1, result.n2]).toEqual([100_000, 100_000]);
    }
  });

  it("agrees with the raw version", () => {
    const raw = mannWhitneyU([1, 2, 2, 3, 5, 8], [2, 3, 3, 4, 9, 10, 11]);
    const groups = [
      { n1: 1, n2: 0 },
      { n1: 2, n2: 1 },
      { n1: 1, n2: 2 },
      { n1: 0, n2: 1 },
      { n1: 1, n2: 0 },
      { n1: 1, n2: 0 },
      { n1: 0, n2: 1 },
      { n1: 0, n2: 1 },
      { n1: 0, n2: 1 },
    ];
    expect(mannWhitneyUFromTies(groups)).toEqual(raw);
  });
});
