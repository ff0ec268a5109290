import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quantileLinear, quantileLinearFromCounts } from "./quantile.js";

describe("quantileLinearFromCounts", () => {
  it("equals quantileLinear on the expanded sample", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 5 })), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (pairs, q) => {
          const byValue = new Map<number, number>();
          for (const [v, c] of pairs) byValue.set(v, (byValue.get(v) ?? 0) + c);
          const rows = [...byValue]
            .sort((a, b) => a[0] - b[0])
            .map(([value, count]) => ({ value, count }));
          const expanded = rows.flatMap((r) => Array<number>(r.count).fill(r.value));
          const expected = quantileLinear(expanded, q);
          const actual = quantileLinearFromCounts(rows, q);
          if (Number.isNaN(expected)) expect(actual).toBeNaN();
          else expect(actual).toBe(expected);
        },
      ),
      { seed: 7 },
    );
  });

  it("interpolates like numpy: [1, 2, 2, 10] at 0.5 is 2 and at 0.9 is 7.6", () => {
    const rows = [
      { value: 1, count: 1 },
      { value: 2, count: 2 },
      { value: 10, count: 1 },
    ];
    expect(quantileLinearFromCounts(rows, 0.5)).toBe(2);
    expect(quantileLinearFromCounts(rows, 0.9)).toBeCloseTo(7.6, 12);
  });
});
