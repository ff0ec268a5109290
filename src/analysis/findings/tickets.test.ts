import { describe, expect, it } from "vitest";
import { studyResults } from "./fixture.test-helpers.js";
import { plainSpaces } from "./text.test-helpers.js";
import { tickets } from "./tickets.js";

describe("tickets: the bin with the highest repeat rate among bins with ≥ 1% of users", () => {
  it("passes over a small bin and cites the best of the rest against the overall rate", () => {
    const s = tickets.apply(studyResults());
    expect(s?.text).toBe(
      "Customers who buy on average at least 2 but fewer than 3 tickets per order return most often: 70.0% of them made a second order, against 60.0% overall; they are 30.0% of customers.",
    );
    expect(plainSpaces(s?.texts.ru ?? "")).toBe(
      "Чаще всего возвращаются покупатели, которые берут в среднем не меньше 2, но меньше 3 билетов на заказ: 70,0 % из них сделали повторный заказ при 60,0 % в среднем; это 30,0 % покупателей.",
    );
    expect(s?.figures).toEqual({
      bin: "[2,3)",
      users: 300,
      share_of_users: 0.3,
      repeat_rate: 0.7,
      overall_repeat_rate: 0.6,
    });
  });

  it("describes the open last bin", () => {
    const r = studyResults();
    const last = r.revenue.tickets_bins[3];
    if (last) last.share_of_users = 0.05;
    const s = tickets.apply(r);
    expect(s?.text).toMatch(/^Customers who buy on average 5 or more tickets per order return/);
    expect(s?.texts.ru).toContain("которые берут в среднем 5 и больше билетов на заказ");
  });

  it("is silent when fewer than two bins have ≥ 1% of users", () => {
    const r = studyResults();
    r.revenue.tickets_bins = r.revenue.tickets_bins.slice(0, 1);
    expect(tickets.apply(r)).toBeNull();
  });
});
