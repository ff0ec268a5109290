import { describe, expect, it } from "vitest";
import { studyResults } from "./fixture.test-helpers.js";
import { growMidSegment } from "./grow-mid-segment.js";
import { plainSpaces } from "./text.test-helpers.js";

describe("grow_2_4_into_5plus: the size of 2-4 and how 5+ differs", () => {
  it("cites the size of 2-4, states the differences of 5+ of 20% or more and calls the rest about the same", () => {
    const s = growMidSegment.apply(studyResults());
    expect(s?.text).toBe(
      "Help customers with 2–4 orders grow to 5 or more: there are 450 of them (45.0% of all customers). Customers with 5 or more orders have an average interval between orders of 14 days (2–4: 40 days) and 2.9 tickets per order (2–4: 2.1); their average check (3,600\u00a0₽ against 3,300\u00a0₽) is about the same.",
    );
    expect(plainSpaces(s?.texts.ru ?? "")).toBe(
      "Помогайте покупателям с 2–4 заказами дорасти до 5 и более заказов: таких покупателей — 450 (45,0 % всех покупателей). У покупателей с 5 и более заказами средний интервал между заказами — 14 дней (в сегменте 2–4 — 40 дней) и в среднем 2,9 билета на заказ (в сегменте 2–4 — 2,1); средний чек (3 600 ₽ и 3 300 ₽) почти не отличается.",
    );
    expect(s?.figures).toEqual({
      users_2_4: 450,
      share_2_4: 0.45,
      users_5plus: 150,
      mean_avg_days_since_prev_5plus: 13.6,
      mean_avg_days_since_prev_2_4: 40.2,
      mean_avg_revenue_rub_5plus: 3600,
      mean_avg_revenue_rub_2_4: 3300,
      mean_avg_tickets_count_5plus: 2.9,
      mean_avg_tickets_count_2_4: 2.1,
    });
  });

  it("says the segments are alike when no metric differs by 20%", () => {
    const r = studyResults();
    const top = r.segments.find((p) => p.segment === "5+");
    if (top) Object.assign(top, { mean_avg_days_since_prev: 38, mean_avg_tickets_count: 2.2 });
    const s = growMidSegment.apply(r);
    expect(s?.text).toMatch(
      /Customers with 5 or more orders have about the same average interval between orders \(38 days against 40 days\), average check \(.+\) and tickets per order \(2\.2 against 2\.1\)\.$/,
    );
    expect(s?.texts.ru).toContain(
      "У покупателей с 5 и более заказами почти те же показатели: средний интервал",
    );
  });

  it("is silent when nobody has 5+ orders", () => {
    const r = studyResults();
    const top = r.segments.find((p) => p.segment === "5+");
    if (top) top.users = 0;
    expect(growMidSegment.apply(r)).toBeNull();
  });

  it("is silent when no metric is known for both segments", () => {
    const r = studyResults();
    const mid = r.segments.find((p) => p.segment === "2-4");
    if (mid) {
      Object.assign(mid, {
        mean_avg_days_since_prev: null,
        mean_avg_revenue_rub: null,
        mean_avg_tickets_count: null,
      });
    }
    expect(growMidSegment.apply(r)).toBeNull();
  });
});
