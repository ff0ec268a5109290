import { describe, expect, it } from "vitest";
import { studyResults } from "../../analysis/findings/fixture.test-helpers.js";
import type { EntryPointValue } from "../../analysis/results.js";
import { reportContext } from "../context.js";
import { entryPointRatesChart, rateDomain } from "./entry-point-rates.js";
import { OKABE_ITO } from "./palette.js";

const rate = (low: number, r: number, high: number) =>
  ({ wilson_low: low, repeat_rate: r, wilson_high: high }) as EntryPointValue;

describe("the repeat-rate dot plot of an entry point", () => {
  it("spans the intervals and the overall rate in whole 5% steps, not 0 to 100%", () => {
    expect(rateDomain([rate(0.42, 0.45, 0.48), rate(0.61, 0.65, 0.68)], 0.558)).toEqual([0.4, 0.7]);
    expect(rateDomain([rate(0.5, 0.52, 0.54)], 0.53)).toEqual([0.45, 0.6]);
    expect(rateDomain([rate(0, 0.01, 0.03), rate(0.9, 0.97, 1)], null)).toEqual([0, 1]);
    expect(rateDomain([], null)).toEqual([0, 1]);
  });

  it("names the colour it draws a successful value in", () => {
    const dimension = studyResults().entry_points.dimensions.first_event_type;
    const values = dimension?.values ?? [];
    expect(values.some((v) => v.successful)).toBe(true);
    for (const [lang, colour] of [
      ["en", /\borange\b/],
      ["ru", /оранжевым/],
    ] as const) {
      const chart = entryPointRatesChart("first_event_type", "x", values, 0.6, reportContext(lang));
      expect(chart.svg).toContain(`fill="${OKABE_ITO.vermillion}"`);
      expect(chart.note).toMatch(colour);
      expect(chart.note).not.toMatch(/\bred\b|красн/);
    }
  });
});
