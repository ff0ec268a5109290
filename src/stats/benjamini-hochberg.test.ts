import { describe, expect, it } from "vitest";
import { expectClose, readFixture } from "../../test/fixtures/stats/read-fixture.js";
import { benjaminiHochberg } from "./benjamini-hochberg.js";

const { cases } = readFixture<{ p: number[]; q: number[] }[]>("benjamini-hochberg");

describe("benjaminiHochberg", () => {
  // make-stats-fixtures.py (benjamini-hochberg.json): statsmodels' fdr_bh steps in numpy.
  it("matches fdr_bh / p.adjust(method = 'BH') to 1e-12", () => {
    for (const c of cases) {
      const q = benjaminiHochberg(c.p);
      expect(q).toHaveLength(c.q.length);
      for (const [i, value] of q.entries()) expectClose(value, c.q[i] ?? Number.NaN, 1e-12, 0);
    }
  });

  // Benjamini & Hochberg (1995), J. R. Statist. Soc. B 57:289–300, section 4:
  // of the 15 p-values, the four smallest are rejected at q* = 0.05.
  it("rejects the four hypotheses of the 1995 paper's example at 0.05", () => {
    const paper = cases[0]?.p ?? [];
    const rejected = benjaminiHochberg(paper).filter((q) => q <= 0.05);
    expect(rejected).toHaveLength(4);
  });

  it("keeps the input order, is monotone in p and capped at 1", () => {
    const q = benjaminiHochberg([0.9, 0.01, 0.5, 0.02]);
    expect(q).toEqual([0.9, 0.04, 0.6666666666666666, 0.04]);
    expect(benjaminiHochberg([1, 1, 0.99])).toEqual([1, 1, 1]);
  });

  it("leaves NaN in place and outside the family", () => {
    const q = benjaminiHochberg([0.01, Number.NaN, 0.02]);
    expect(q[0]).toBe(0.02);
    expect(q[1]).toBeNaN();
    expect(q[2]).toBe(0.02);
    expect(benjaminiHochberg([])).toEqual([]);
  });
});
