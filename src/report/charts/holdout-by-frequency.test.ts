import { describe, expect, it } from "vitest";
import { predictionFixture } from "../../analysis/prediction-fixture.test-helpers.js";
import { reportContext } from "../context.js";
import { holdoutByFrequencyChart } from "./holdout-by-frequency.js";

/** The figures on the chart's y axis. */
const yTicks = (svg: string): number[] => {
  const axis = /aria-label="y-axis tick label"[\s\S]*?<\/g><\/g>/.exec(svg)?.[0] ?? "";
  return [...axis.matchAll(/>([\d.,]+)<\/text>/g)].map((m) => Number(m[1]?.replace(/,/g, "")));
};

describe("the model-check chart", () => {
  it("plots orders per customer, so the open last bin does not dwarf the others", () => {
    const holdout = predictionFixture().holdout;
    if (!holdout) throw new Error("the fixture has a holdout check");
    // 272 predicted orders of 25 customers in 7+ against 110 of 320 in 0: per customer
    // the axis runs to about 11 (272 / 25 = 10.9), where totals would run to 272.
    const ticks = yTicks(holdoutByFrequencyChart(holdout, reportContext("en")).svg);
    expect(ticks.length).toBeGreaterThan(2);
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...ticks)).toBeLessThan(12);
  });
});
