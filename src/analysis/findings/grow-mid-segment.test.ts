import { describe, expect, it } from "vitest";
import { studyResults } from "./fixture.test-helpers.js";
import { growMidSegment } from "./grow-mid-segment.js";
import { plainSpaces } from "./text.test-helpers.js";

describe("grow_2_4_into_5plus: the size of 2-4 and how 5+ differs", () => {
  it("cites the size of 2-4 and the interval, check and tickets of 5+ against 2-4", () => {
    const s = growMidSegment.apply(studyResults());
    expect(s?.text).toBe(
      "Help customers with 2–4 orders grow to 5 or more: there are 450 of them (45.0% of all customers). Customers with 5 or more orders have an average interval between orders of 14 days (2–4: 40 days), an average check of 3,300\u00a0₽ (2–4: 3,050\u00a0₽) and 2.9 tickets per order (2–4: 2.1).",
    );
    expect(plainSpaces(s?.texts.ru ?? "")).toBe(
      "Помогайте покупателям с 2–4 заказами дорасти до 5 и более заказов: таких покупателей — 450 (45,0 % всех покупателей). У покупателей с 5 и более заказами средний интервал между заказами — 14 дней (в сегменте 2–4 — 40 дней), средний чек — 3 300 ₽ (в сегменте 2–4 — 3 050 ₽) и в среднем 2,9 билета на заказ (в сегменте 2–4 — 2,1).",
    );
    expect(s?.figures).toEqual({
      users_2_4: 450,
      share_2_4: 0.45,
      users_5plus: 150,
      mean_avg_days_since_prev_5plus: 13.6,
      mean_avg_days_since_prev_2_4: 40.2,
      mean_avg_revenue_rub_5plus: 3300,
      mean_avg_revenue_rub_2_4: 3050,
      mean_avg_tickets_count_5plus: 2.9,
      mean_avg_tickets_count_2_4: 2.1,
    });
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
