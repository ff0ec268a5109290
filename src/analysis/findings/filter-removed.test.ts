import { describe, expect, it } from "vitest";
import { filterRemoved } from "./filter-removed.js";
import { studyResults } from "./fixture.test-helpers.js";
import type { StudyResults } from "./study-results.js";
import { plainSpaces } from "./text.test-helpers.js";

/** The fixture with a filter at q = 0.9 that removed 100 of 1,100 customers. */
function filtered(orders: number, revenue: number): StudyResults {
  const r = studyResults();
  r.filter = {
    q: 0.9,
    P: 15,
    users_removed: 100,
    orders_removed: 9000,
    revenue_removed_rub: 2_000_000,
    removed_share: { users: 100 / 1100, orders, revenue },
    sensitivity: [
      {
        q: null,
        P: null,
        users: 1100,
        share_2plus: 0.64,
        share_5plus: 0.23,
        mean_avg_revenue_rub: 3100,
      },
      {
        q: 0.9,
        P: 15,
        users: 1000,
        share_2plus: 0.6,
        share_5plus: 0.15,
        mean_avg_revenue_rub: 2900,
      },
    ],
  };
  return r;
}

describe("filter_removed_much: the filter removed more than a quarter of orders or revenue", () => {
  it("says what the filter did, not who the customers are, with the figures without it", () => {
    const s = filterRemoved.apply(filtered(0.776, 0.2));
    expect(plainSpaces(s?.text ?? "")).toBe(
      'The order-count filter left out the 9.1% of customers with the most orders (100 customers with more than 15 orders each), and with them 77.6% of orders and 20.0% of revenue: every other figure of this report describes the remaining customers. Without the filter, 64.0% of customers made 2 or more orders (60.0% with it), 23.0% made 5 or more (15.0%) and the mean average check is 3,100 ₽ (2,900 ₽); the sensitivity table in "Data quality" has more.',
    );
    expect(plainSpaces(s?.texts.ru ?? "")).toBe(
      "Фильтр по числу заказов исключил 9,1 % покупателей с наибольшим числом заказов (100 покупателей, у каждого больше 15 заказов), а с ними 77,6 % заказов и 20,0 % выручки: все остальные показатели отчёта описывают оставшихся покупателей. Без фильтра 2 и более заказа сделали 64,0 % покупателей (с фильтром — 60,0 %), 5 и более — 23,0 % (15,0 %), средний чек (в среднем по покупателям) — 3 100 ₽ (2 900 ₽); подробнее — в таблице чувствительности в разделе «Качество данных».",
    );
    expect(s?.text).not.toMatch(/resell/i);
    expect(s?.figures).toMatchObject({ P: 15, users_removed: 100, orders_removed_share: 0.776 });
  });

  it("speaks when the revenue alone passes a quarter", () => {
    expect(filterRemoved.apply(filtered(0.1, 0.26))).not.toBeNull();
  });

  it("is silent when the filter removed a quarter or less of both", () => {
    expect(filterRemoved.apply(filtered(0.25, 0.2))).toBeNull();
  });

  it("is silent when the filter is off", () => {
    expect(filterRemoved.apply(studyResults())).toBeNull();
  });
});
