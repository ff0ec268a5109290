import { describe, expect, it } from "vitest";
import { studyResults } from "./fixture.test-helpers.js";
import { revenueVsLoyalty } from "./revenue-vs-loyalty.js";
import { plainSpaces } from "./text.test-helpers.js";

describe("revenue_vs_loyalty: Mann–Whitney 1 vs 2+ with p < 0.05, with its direction", () => {
  it("says repeaters spend more when the test and the medians agree on it", () => {
    const s = revenueVsLoyalty.apply(studyResults());
    expect(s?.text).toBe(
      "Repeat customers spend more per order: the median average check is 2,900\u00a0₽ for customers with 2–4 orders and 3,100\u00a0₽ with 5 or more, against 2,500\u00a0₽ for one-order customers (Mann–Whitney, p < 0.001).",
    );
    expect(plainSpaces(s?.texts.ru ?? "")).toBe(
      "Покупатели с повторными заказами тратят на заказ больше: медианный средний чек — 2 900 ₽ у покупателей с 2–4 заказами и 3 100 ₽ у покупателей с 5 и более заказами против 2 500 ₽ у покупателей с одним заказом (критерий Манна — Уитни, p < 0,001).",
    );
    expect(s?.figures).toEqual({
      direction: "higher",
      median_avg_revenue_1: 2500,
      median_avg_revenue_2_4: 2900,
      median_avg_revenue_5plus: 3100,
      u1: 100_000,
      n1: 400,
      n2: 600,
      p_value: 0.0004,
    });
  });

  it("says repeaters spend less when one-order customers rank higher", () => {
    const r = studyResults();
    r.revenue.avg_revenue_comparisons["1_vs_2plus"].mann_whitney.u1 = 140_000;
    r.revenue.avg_revenue_comparisons["1_vs_2plus"].mann_whitney.p_value = 0.0123;
    r.revenue.segments["1"].median_avg_revenue_rub = 3500;
    const s = revenueVsLoyalty.apply(r);
    expect(s?.text).toBe(
      "Repeat customers spend less per order: the median average check is 2,900\u00a0₽ for customers with 2–4 orders and 3,100\u00a0₽ with 5 or more, against 3,500\u00a0₽ for one-order customers (Mann–Whitney, p = 0.012).",
    );
    expect(s?.texts.ru).toContain("тратят на заказ меньше");
    expect(s?.figures.direction).toBe("lower");
  });

  it("is silent when p ≥ 0.05", () => {
    const r = studyResults();
    r.revenue.avg_revenue_comparisons["1_vs_2plus"].mann_whitney.p_value = 0.2;
    expect(revenueVsLoyalty.apply(r)).toBeNull();
  });

  it("is silent when the medians of 2-4 and 5+ do not both lie on the test's side", () => {
    const r = studyResults();
    r.revenue.segments["2-4"].median_avg_revenue_rub = 2400;
    expect(revenueVsLoyalty.apply(r)).toBeNull();
  });
});
