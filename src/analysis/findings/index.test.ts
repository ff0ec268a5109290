import { describe, expect, it } from "vitest";
import { predictionFixture } from "../prediction-fixture.test-helpers.js";
import { studyResults } from "./fixture.test-helpers.js";
import { findingsAndRecommendations, RULES } from "./index.js";
import type { StudyResults } from "./study-results.js";
import { latinOutsideData } from "./text.test-helpers.js";

/** The fixture and variants that take the other branches of the texts. */
function variants(): StudyResults[] {
  const lower = studyResults();
  lower.revenue.avg_revenue_comparisons["1_vs_2plus"].mann_whitney.u1 = 140_000;
  Object.assign(lower.revenue.segments["1"], {
    median_avg_revenue_rub: 4500,
    mean_avg_revenue_rub: 4700,
  });
  const edges = studyResults();
  edges.time_between_purchases.repeat_window.window = [0, 0];
  const last = edges.revenue.tickets_bins[3];
  if (last) Object.assign(last, { users: 50, share_of_users: 0.05 });
  const predicted = { ...studyResults(), prediction: predictionFixture() };
  return [studyResults(), lower, edges, predicted];
}

describe("findingsAndRecommendations", () => {
  it("applies every rule in order, findings apart from recommendations", () => {
    const { findings, recommendations } = findingsAndRecommendations(studyResults());
    expect(findings.map((s) => s.id)).toEqual([
      "share_of_repeaters",
      "main_entry_points",
      "successful_entry_points",
      "revenue_vs_loyalty",
      "tickets",
      "frequent_buyers_buy_more_often",
      "repeat_window",
      "order_count_correlates",
    ]);
    expect(recommendations.map((s) => s.id)).toEqual([
      "focus_event_types",
      "market_successful_regions",
      "remind_in_repeat_window",
      "win_back_single_order",
      "grow_2_4_into_5plus",
    ]);
  });

  it("adds the forecast and the likely returners when there is a prediction", () => {
    const { findings, recommendations } = findingsAndRecommendations({
      ...studyResults(),
      prediction: predictionFixture(),
    });
    expect(findings.map((s) => s.id)).toContain("expected_orders");
    expect(recommendations.map((s) => s.id)).toContain("reach_likely_returners");
  });

  it("gives every rule a unique id", () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it("keeps text equal to the English text and writes Russian with no Latin outside data values", () => {
    for (const results of variants()) {
      const { findings, recommendations } = findingsAndRecommendations(results);
      for (const s of [...findings, ...recommendations]) {
        expect(s.text).toBe(s.texts.en);
        expect(s.texts.ru.length).toBeGreaterThan(0);
        expect({ id: s.id, latin: latinOutsideData(s) }).toEqual({ id: s.id, latin: [] });
      }
    }
  });

  it("flags Latin words that are not cited data values", () => {
    const s = { id: "x", text: "", figures: { value: "concerts" } };
    const texts = { en: "", ru: "Тип «concerts» лучше, p < 0,001, but not this" };
    expect(latinOutsideData({ ...s, texts })).toEqual(["but", "not", "this"]);
  });

  it("is silent everywhere when the results hold nothing to say", () => {
    const r = studyResults();
    r.repeat.share_2plus = null;
    r.repeat.share_5plus = null;
    for (const s of ["1", "2-4", "5+"] as const) r.repeat.segments[s].users = 0;
    r.entry_points.dimensions = {};
    r.revenue.avg_revenue_comparisons["1_vs_2plus"].mann_whitney.p_value = null;
    r.revenue.tickets_bins = [];
    r.time_between_purchases.avg_days_since_prev_by_segment.mann_whitney.p_value = null;
    r.time_between_purchases.repeat_window.window = null;
    r.correlation = null;
    r.segments = [];
    expect(findingsAndRecommendations(r)).toEqual({ findings: [], recommendations: [] });
  });
});
