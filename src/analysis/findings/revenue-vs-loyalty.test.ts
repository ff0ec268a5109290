import { describe, expect, it } from "vitest";
import { studyResults } from "./fixture.test-helpers.js";
import { revenueVsLoyalty } from "./revenue-vs-loyalty.js";
import { plainSpaces } from "./text.test-helpers.js";

describe("revenue_vs_loyalty: Mann–Whitney 1 vs 2+ with p < 0.05, with its direction and size", () => {
  it("says repeaters spend more when the test, the medians and the means agree on it", () => {
    const s = revenueVsLoyalty.apply(studyResults());
    expect(s?.text).toBe(
      "Repeat customers spend more per order: the median average check is 3,100\u00a0₽ for customers with 2–4 orders (+24%) and 3,400\u00a0₽ with 5 or more (+36%), against 2,500\u00a0₽ for one-order customers; the means are 3,300\u00a0₽ (+22%) and 3,600\u00a0₽ (+33%) against 2,700\u00a0₽ (Mann–Whitney, p < 0.001).",
    );
    expect(plainSpaces(s?.texts.ru ?? "")).toBe(
      "Покупатели с повторными заказами тратят на заказ больше: медиана среднего чека — 3 100 ₽ у покупателей с 2–4 заказами (+24 %) и 3 400 ₽ у покупателей с 5 и более заказами (+36 %) против 2 500 ₽ у покупателей с одним заказом; средние — 3 300 ₽ (+22 %) и 3 600 ₽ (+33 %) против 2 700 ₽ (критерий Манна — Уитни, p < 0,001).",
    );
    expect(s?.figures).toEqual({
      direction: "higher",
      median_avg_revenue_1: 2500,
      median_avg_revenue_2_4: 3100,
      median_avg_revenue_5plus: 3400,
      mean_avg_revenue_1: 2700.4,
      mean_avg_revenue_2_4: 3300,
      mean_avg_revenue_5plus: 3600,
      median_difference_2_4: (3100 - 2500) / 2500,
      median_difference_5plus: (3400 - 2500) / 2500,
      mean_difference_2_4: (3300 - 2700.4) / 2700.4,
      mean_difference_5plus: (3600 - 2700.4) / 2700.4,
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
    Object.assign(r.revenue.segments["1"], {
      median_avg_revenue_rub: 4500,
      mean_avg_revenue_rub: 4700,
    });
    const s = revenueVsLoyalty.apply(r);
    expect(s?.text).toBe(
      "Repeat customers spend less per order: the median average check is 3,100\u00a0₽ for customers with 2–4 orders (−31%) and 3,400\u00a0₽ with 5 or more (−24%), against 4,500\u00a0₽ for one-order customers; the means are 3,300\u00a0₽ (−30%) and 3,600\u00a0₽ (−23%) against 4,700\u00a0₽ (Mann–Whitney, p = 0.012).",
    );
    expect(s?.texts.ru).toContain("тратят на заказ меньше");
    expect(s?.figures.direction).toBe("lower");
  });

  it("is silent when p ≥ 0.05", () => {
    const r = studyResults();
    r.revenue.avg_revenue_comparisons["1_vs_2plus"].mann_whitney.p_value = 0.2;
    expect(revenueVsLoyalty.apply(r)).toBeNull();
  });

  it("is silent when the medians differ but the means are nearly equal", () => {
    const r = studyResults();
    r.revenue.segments["2-4"].mean_avg_revenue_rub = 2750;
    expect(revenueVsLoyalty.apply(r)).toBeNull();
  });

  it("is silent when a median differs by less than 20%", () => {
    const r = studyResults();
    r.revenue.segments["2-4"].median_avg_revenue_rub = 2900;
    expect(revenueVsLoyalty.apply(r)).toBeNull();
  });

  it("is silent when the medians of 2-4 and 5+ do not both lie on the test's side", () => {
    const r = studyResults();
    r.revenue.segments["2-4"].median_avg_revenue_rub = 2400;
    expect(revenueVsLoyalty.apply(r)).toBeNull();
  });
});
