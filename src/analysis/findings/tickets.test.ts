import { describe, expect, it } from "vitest";
import { studyResults } from "./fixture.test-helpers.js";
import { plainSpaces } from "./text.test-helpers.js";
import { tickets } from "./tickets.js";

describe("tickets: the bin with the highest repeat rate among bins with ≥ 1% of users", () => {
  it("passes over a small bin and cites the best of the rest against the overall rate", () => {
    const s = tickets.apply(studyResults());
    expect(s?.text).toBe(
      "Customers who buy on average at least 2 but fewer than 3 tickets per order return most often: 70.0% of them made a second order, 1.17 times the overall 60.0% (z-test, p < 0.001); they are 30.0% of customers.",
    );
    expect(plainSpaces(s?.texts.ru ?? "")).toBe(
      "Чаще всего возвращаются покупатели, которые берут в среднем не меньше 2, но меньше 3 билетов на заказ: 70,0 % из них сделали повторный заказ — в 1,17 раза больше, чем в среднем (60,0 %; z-тест, p < 0,001); это 30,0 % покупателей.",
    );
    expect(s?.figures).toEqual({
      bin: "[2,3)",
      users: 300,
      share_of_users: 0.3,
      repeat_rate: 0.7,
      overall_repeat_rate: 0.6,
      lift: 0.7 / 0.6,
      p_value: s?.figures.p_value,
    });
    // 210 of 300 against 390 of the other 700: statsmodels' proportions_ztest gives
    // z = 4.2257712736425805, p = 2.3812376847743615e-05.
    expect(Number(s?.figures.p_value) / 2.3812376847743615e-5).toBeCloseTo(1, 9);
  });

  it("describes the open last bin", () => {
    const r = studyResults();
    const last = r.revenue.tickets_bins[3];
    if (last) Object.assign(last, { users: 50, share_of_users: 0.05 });
    const s = tickets.apply(r);
    expect(s?.text).toMatch(/^Customers who buy on average 5 or more tickets per order return/);
    expect(s?.texts.ru).toContain("которые берут в среднем 5 и больше билетов на заказ");
  });

  it("is silent when the best bin is less than 10% above the overall rate", () => {
    const r = studyResults();
    const best = r.revenue.tickets_bins[1];
    if (best) best.repeat_rate = 0.65;
    expect(tickets.apply(r)).toBeNull();
  });

  it("is silent when the best bin's rate is not significantly different", () => {
    const r = studyResults();
    r.revenue.tickets_bins = [
      { bin: "[1,2)", users: 30, share_of_users: 0.5, repeat_rate: 0.5 },
      { bin: "[2,3)", users: 30, share_of_users: 0.5, repeat_rate: 0.7 },
    ];
    expect(tickets.apply(r)).toBeNull();
  });

  it("is silent when fewer than two bins have ≥ 1% of users", () => {
    const r = studyResults();
    r.revenue.tickets_bins = r.revenue.tickets_bins.slice(0, 1);
    expect(tickets.apply(r)).toBeNull();
  });
});
