import { describe, expect, it } from "vitest";
import type { TrendWindow } from "../cohort-results.js";
import { cohortTrend } from "./cohort-trend.js";
import { studyResults } from "./fixture.test-helpers.js";

/** A 90-day trend over June–September: 60% of June's customers returned, 48% of September's. */
function falling(): TrendWindow {
  return {
    cohorts: ["2024-06-01", "2024-07-01", "2024-08-01", "2024-09-01"].map((cohort, i) => ({
      cohort,
      eligible_users: 1000,
      repeaters: 600 - 40 * i,
      share: 0.6 - 0.04 * i,
      wilson_low: null,
      wilson_high: null,
    })),
    cochran_armitage: { z: -5.4, p_value: 6.7e-8 },
    q_value: 2e-7,
    without_filter: { z: -4.9, p_value: 1e-6 },
    change: {
      from: "2024-06-01",
      to: "2024-09-01",
      first_share: 0.6,
      last_share: 0.48,
      difference: -0.12,
    },
  };
}

describe("the cohort trend rule (ANALYSIS.md §9, §12)", () => {
  it("states a significant trend with its window, cohorts, shares, z and q", () => {
    const results = studyResults();
    results.trend["90"] = falling();
    const s = cohortTrend.apply(results);
    expect(s?.texts.en).toBe(
      "Repeat purchasing is getting worse: the share of new customers who bought again within 90 days went from 60.0% (customers acquired in June 2024) to 48.0% (in September 2024) (Cochran–Armitage trend test across 4 cohorts, z = -5.4, q < 0.001).",
    );
    expect(s?.texts.ru).toContain("снизилась с 60,0\u00a0% (пришедшие в\u00a0июне 2024\u00a0г.)");
    expect(s?.figures).toMatchObject({ window_days: 90, first_share: 0.6, last_share: 0.48 });
  });

  it("says nothing when the trend is not significant", () => {
    const results = studyResults();
    results.trend["90"] = { ...falling(), q_value: 0.08 };
    expect(cohortTrend.apply(results)).toBeNull();
  });

  it("says nothing when the trend does not hold before the order-count filter", () => {
    const results = studyResults();
    results.trend["90"] = { ...falling(), without_filter: { z: 1.2, p_value: 0.23 } };
    expect(cohortTrend.apply(results)).toBeNull();
    results.trend["90"] = { ...falling(), without_filter: { z: 3.1, p_value: 0.002 } };
    expect(cohortTrend.apply(results)).toBeNull();
  });
});
