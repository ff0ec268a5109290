import { describe, expect, it } from "vitest";
import type { FirstDimension } from "../model/columns.js";
import { benjaminiHochberg, twoProportionZTest, wilsonInterval } from "../stats/index.js";
import { entryPoints } from "./entry-points.js";

const v = (value: string, users: number, twos: number, fives = 0) => ({
  value,
  users,
  twos,
  fives,
});

/** 1,000 users; 500 repeaters overall. */
const counts = new Map<FirstDimension, ReturnType<typeof v>[]>([
  [
    "first_event_type",
    [v("concerts", 600, 270, 30), v("theatre", 300, 200, 40), v("sport", 90, 27), v("tiny", 10, 3)],
  ],
  ["first_device", [v("mobile", 800, 400), v("desktop", 200, 100)]],
  ["first_region", [v("Moscow", 1000, 500)]],
]);

describe("entry points (ANALYSIS.md §4, §11.7–8)", () => {
  const result = entryPoints(counts, 30, 15);
  const events = result.dimensions.first_event_type;

  it("computes share, repeat rate, Wilson interval, 5+ rate and lift per value", () => {
    const theatre = events?.values.find((x) => x.value === "theatre");
    const w = wilsonInterval(200, 300);
    expect(theatre).toMatchObject({
      users: 300,
      share_of_users: 0.3,
      repeat_rate: 200 / 300,
      wilson_low: w.low,
      wilson_high: w.high,
      rate_5plus: 40 / 300,
      lift: 200 / 300 / 0.5,
    });
    expect(result.overall_repeat_rate).toBe(0.5);
  });

  it("pools small values, tests each value against all other users, and adjusts across the run", () => {
    expect(events?.values.map((x) => x.value)).toEqual(["concerts", "theatre", "sport", "other"]);
    const tests = [
      twoProportionZTest(270, 600, 230, 400),
      twoProportionZTest(200, 300, 300, 700),
      twoProportionZTest(27, 90, 473, 910),
      twoProportionZTest(3, 10, 497, 990),
      twoProportionZTest(400, 800, 100, 200),
      twoProportionZTest(100, 200, 400, 800),
    ];
    const q = benjaminiHochberg(tests.map((t) => t.pValue));
    const all = [...(events?.values ?? []), ...(result.dimensions.first_device?.values ?? [])];
    expect(all.map((x) => x.p_value)).toEqual(tests.map((t) => t.pValue));
    expect(all.map((x) => x.q_value)).toEqual(q);
  });

  it("does not test a dimension with one value", () => {
    expect(result.dimensions.first_region?.values[0]).toMatchObject({
      z: null,
      p_value: null,
      q_value: null,
    });
    expect(result.dimensions.first_region?.chi2).toBeNull();
  });

  it("flags the top 3 named values popular and the significant better ones successful", () => {
    expect(events?.values.map((x) => [x.value, x.popular, x.successful])).toEqual([
      ["concerts", true, false],
      ["theatre", true, true],
      ["sport", true, false],
      ["other", false, false],
    ]);
  });

  it("runs χ² without Yates on the pooled table, with Cramér's V", () => {
    // device: identical repeat rates → χ² = 0
    expect(result.dimensions.first_device?.chi2).toMatchObject({
      chi2: 0,
      dof: 1,
      p_value: 1,
      cramers_v: 0,
    });
    expect(events?.chi2?.dof).toBe(3);
  });

  it("names the dimensions the source lacks", () => {
    expect(result.skipped.map((s) => s.dimension)).toEqual(["first_service", "first_city"]);
  });
});
