import { describe, expect, it } from "vitest";
import { studyResults } from "./fixture.test-helpers.js";
import { frequentBuyers } from "./frequent-buyers.js";
import { plainSpaces } from "./text.test-helpers.js";

describe("frequent_buyers_buy_more_often: median and mean interval of 5+ at least 20% below 2-4, p < 0.05", () => {
  it("cites both medians and means in whole days, the differences and the p-value", () => {
    const s = frequentBuyers.apply(studyResults());
    expect(s?.text).toBe(
      "Customers with 5 or more orders buy more often: the median of their average interval between orders is 12 days, against 35 days for customers with 2–4 orders (−66%); the means are 14 days and 40 days (−66%; Mann–Whitney, p < 0.001).",
    );
    expect(plainSpaces(s?.texts.ru ?? "")).toBe(
      "Покупатели с 5 и более заказами покупают чаще: медиана их среднего интервала между заказами — 12 дней, у покупателей с 2–4 заказами — 35 дней (−66 %); средние — 14 дней и 40 дней (−66 %; критерий Манна — Уитни, p < 0,001).",
    );
    expect(s?.figures).toEqual({
      median_days_5plus: 12,
      median_days_2_4: 35,
      mean_days_5plus: 13.6,
      mean_days_2_4: 40.2,
      median_difference: (12 - 35) / 35,
      mean_difference: (13.6 - 40.2) / 40.2,
      users_5plus: 150,
      users_2_4: 450,
      p_value: 0.00002,
    });
  });

  it("shows a decimal when whole days would look equal", () => {
    const r = studyResults();
    const by = r.time_between_purchases.avg_days_since_prev_by_segment;
    Object.assign(by["5+"], { median: 2.6, mean: 3.2 });
    Object.assign(by["2-4"], { median: 3.4, mean: 4.4 });
    expect(frequentBuyers.apply(r)?.texts.ru).toContain(
      "— 2,6 дня, у покупателей с 2–4 заказами — 3,4 дня",
    );
  });

  it("is silent when p ≥ 0.05", () => {
    const r = studyResults();
    r.time_between_purchases.avg_days_since_prev_by_segment.mann_whitney.p_value = 0.2;
    expect(frequentBuyers.apply(r)).toBeNull();
  });

  it("is silent when the medians differ by less than 20%, however significant: 4.5 against 5.0 days", () => {
    const r = studyResults();
    const by = r.time_between_purchases.avg_days_since_prev_by_segment;
    Object.assign(by["5+"], { median: 4.5, mean: 5.9 });
    Object.assign(by["2-4"], { median: 5, mean: 10.1 });
    expect(frequentBuyers.apply(r)).toBeNull();
  });

  it("is silent when the means differ by less than 20%", () => {
    const r = studyResults();
    r.time_between_purchases.avg_days_since_prev_by_segment["5+"].mean = 35;
    expect(frequentBuyers.apply(r)).toBeNull();
  });

  it("is silent when 5+ does not buy more often", () => {
    const r = studyResults();
    r.time_between_purchases.avg_days_since_prev_by_segment["5+"].median = 40;
    expect(frequentBuyers.apply(r)).toBeNull();
  });
});
