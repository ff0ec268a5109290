import { describe, expect, it } from "vitest";
import { studyResults } from "./fixture.test-helpers.js";
import { frequentBuyers } from "./frequent-buyers.js";
import { plainSpaces } from "./text.test-helpers.js";

describe("frequent_buyers_buy_more_often: median interval of 5+ below 2-4, p < 0.05", () => {
  it("cites both medians in whole days and the p-value", () => {
    const s = frequentBuyers.apply(studyResults());
    expect(s?.text).toBe(
      "Customers with 5 or more orders buy more often: the median of their average interval between orders is 12 days, against 35 days for customers with 2–4 orders (Mann–Whitney, p < 0.001).",
    );
    expect(plainSpaces(s?.texts.ru ?? "")).toBe(
      "Покупатели с 5 и более заказами покупают чаще: медиана их среднего интервала между заказами — 12 дней, у покупателей с 2–4 заказами — 35 дней (критерий Манна — Уитни, p < 0,001).",
    );
    expect(s?.figures).toEqual({
      median_days_5plus: 12,
      median_days_2_4: 35,
      users_5plus: 150,
      users_2_4: 450,
      p_value: 0.00002,
    });
  });

  it("shows a decimal when whole days would look equal", () => {
    const r = studyResults();
    r.time_between_purchases.avg_days_since_prev_by_segment["5+"].median = 3.2;
    r.time_between_purchases.avg_days_since_prev_by_segment["2-4"].median = 3.4;
    expect(frequentBuyers.apply(r)?.texts.ru).toContain(
      "— 3,2 дня, у покупателей с 2–4 заказами — 3,4 дня",
    );
  });

  it("is silent when p ≥ 0.05", () => {
    const r = studyResults();
    r.time_between_purchases.avg_days_since_prev_by_segment.mann_whitney.p_value = 0.2;
    expect(frequentBuyers.apply(r)).toBeNull();
  });

  it("is silent when 5+ does not buy more often", () => {
    const r = studyResults();
    r.time_between_purchases.avg_days_since_prev_by_segment["5+"].median = 40;
    expect(frequentBuyers.apply(r)).toBeNull();
  });
});
