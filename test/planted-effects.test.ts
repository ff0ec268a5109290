import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnalysisResults } from "../src/analysis/results.js";
import { runAnalysis } from "../src/analysis/run-analysis.js";
import { resolveConfig } from "../src/config/load-config.js";
import { DEMO_TRUTH } from "../src/demo/truth.js";
import { writeDemoCsv } from "../src/demo/write-demo.js";
import { tempDir } from "./helpers.js";

/**
 * The demo generator plants effects of first-order attributes on the chance to return
 * (DEMO_TRUTH). Across seeds, the study must flag every boosted value successful, never a
 * lowered one, and the attribute planted with no effect only at the rate of a false positive:
 * with seed 202 the device comes out at p = 0.005 by chance (at 200,000 users the same seed
 * gives p = 0.41), so the bound is at most one seed in five, not none.
 */
const SEEDS = [101, 202, 303, 404, 505];
const results = new Map<number, AnalysisResults>();

beforeAll(async () => {
  for (const seed of SEEDS) {
    const dir = await tempDir();
    await writeDemoCsv(join(dir, "data"), { seed });
    const config = resolveConfig({}, dir, {
      orders: join(dir, "data", "orders.csv"),
      rates: join(dir, "data", "rates.csv"),
    });
    results.set(seed, await runAnalysis(config));
  }
}, 300_000);

describe("planted effects come out of the study", () => {
  it.each(SEEDS)("seed %i: every boosted value is successful, no lowered one is", (seed) => {
    const r = results.get(seed);
    const dims = r?.entry_points.dimensions ?? {};
    for (const { dimension, value } of DEMO_TRUTH.boosted) {
      const row = dims[dimension]?.values.find((v) => v.value === value);
      expect(row, `${dimension} = ${value}`).toMatchObject({ successful: true });
    }
    for (const { dimension, value } of DEMO_TRUTH.lowered) {
      const row = dims[dimension]?.values.find((v) => v.value === value);
      expect(row?.successful, `${dimension} = ${value}`).toBe(false);
      expect(row?.repeat_rate).toBeLessThan(r?.entry_points.overall_repeat_rate ?? 0);
    }
  });

  it("flags the neutral attribute in at most one seed of five", () => {
    const flagged = SEEDS.filter((seed) =>
      DEMO_TRUTH.neutral.some((dimension) =>
        results.get(seed)?.entry_points.dimensions[dimension]?.values.some((v) => v.successful),
      ),
    );
    expect(flagged.length).toBeLessThanOrEqual(1);
  });
});

/**
 * Adjusted effects (§13): the demo plants its region effects on the region, and each planted
 * region's main city (70–75% of its customers) carries them too, so one dimension at a time the
 * city looks as strong as its region. Holding the others fixed, the model must give the effect
 * to the region: in every seed the region's odds ratio is above its main city's, and the city's
 * own effect is not significant although its unadjusted one is. The planted event types make
 * their dimension significant in every seed; the device, planted with no effect, is significant
 * in at most one seed of five.
 */
describe("adjusted effects give a planted effect to the attribute it was planted on", () => {
  const MAIN_CITY = { "Medovinsk Oblast": "Medovinsk", "Severoyarsk Region": "Severoyarsk" };

  it.each(SEEDS)("seed %i: the planted region, not its main city", (seed) => {
    const values = results.get(seed)?.adjusted_effects?.values ?? [];
    const find = (dimension: string, value: string) =>
      values.find((v) => v.dimension === dimension && v.value === value);
    for (const [region, city] of Object.entries(MAIN_CITY)) {
      const [r, c] = [find("first_region", region), find("first_city", city)];
      expect(r?.odds_ratio, region).toBeGreaterThan(c?.odds_ratio ?? Number.POSITIVE_INFINITY);
      expect(c?.p_value, city).toBeGreaterThanOrEqual(0.05);
      expect(c?.unadjusted_p_value, city).toBeLessThan(0.05);
    }
  });

  it("the planted event types are significant in every seed, the device in at most one", () => {
    const q = (seed: number, dimension: string) =>
      results.get(seed)?.adjusted_effects?.dimensions.find((x) => x.dimension === dimension)
        ?.q_value ?? 1;
    expect(SEEDS.filter((seed) => !(q(seed, "first_event_type") < 0.05))).toEqual([]);
    expect(SEEDS.filter((seed) => q(seed, "first_device") < 0.05).length).toBeLessThanOrEqual(1);
  });
});

/**
 * The generator can plant a trend across acquisition dates (DemoOptions.trend): customers who
 * join on the last day drop out at 6 times the odds of those who join on the first. The
 * cohort trend must be found, falling; on the seeds above, which plant none, none is claimed.
 */
describe("a planted trend across cohorts comes out of the study", () => {
  const TREND_SEEDS = [101, 202];
  const trended = new Map<number, AnalysisResults>();
  beforeAll(async () => {
    for (const seed of TREND_SEEDS) {
      const dir = await tempDir();
      await writeDemoCsv(join(dir, "data"), { seed, trend: 6 });
      const config = resolveConfig({}, dir, {
        orders: join(dir, "data", "orders.csv"),
        rates: join(dir, "data", "rates.csv"),
        predict: false,
      });
      trended.set(seed, await runAnalysis(config));
    }
  }, 300_000);

  it.each(TREND_SEEDS)("seed %i: the falling trend is found, with its sign", (seed) => {
    const r = trended.get(seed);
    const finding = r?.findings.find((f) => f.id === "cohort_trend");
    expect(finding?.text).toMatch(/^Repeat purchasing is getting worse/);
    expect(finding?.figures.z).toBeLessThan(0);
    expect(r?.trend["30"].cochran_armitage?.z).toBeLessThan(0);
    expect(r?.trend["30"].q_value).toBeLessThan(0.05);
  });

  it("claims no trend where none was planted", () => {
    const claimed = SEEDS.filter((seed) =>
      results.get(seed)?.findings.some((f) => f.id === "cohort_trend"),
    );
    expect(claimed).toEqual([]);
  });
});
