import { describe, expect, it } from "vitest";
import { studyResults } from "../analysis/findings/fixture.test-helpers.js";
import { predictionFixture } from "../analysis/prediction-fixture.test-helpers.js";
import type { AnalysisResults } from "../analysis/results.js";
import { summaryLines } from "./summary.js";

function results(): AnalysisResults {
  const r: AnalysisResults = {
    ...studyResults(),
    prediction: predictionFixture(),
    findings: [],
    recommendations: [],
  };
  r.ledger.rows_read = 284_547;
  r.ledger.rows_accepted = 284_547;
  r.overall.users = 19_845;
  r.overall.orders = 63_892;
  r.prediction = predictionFixture();
  r.prediction.overall.expected_orders = 41_398.4;
  r.filter = {
    ...r.filter,
    q: 0.9,
    P: 15,
    users_removed: 2155,
    orders_removed: 218_679,
    revenue_removed_rub: 1_794_285_565.6,
    removed_share: { users: 0.098, orders: 0.774, revenue: 0.859 },
  };
  return r;
}

describe("the summary on stdout", () => {
  it("writes numbers with thousands separators, as the report does", () => {
    const lines = summaryLines(results(), "out");
    expect(lines[0]).toBe("rows read 284,547 = accepted 284,547 + rejected 0");
    expect(lines[1]).toBe(
      "order-count filter: P90 = 15; removed 2,155 users (9.8%), 218,679 orders (77.4%), 1,794,285,566\u00a0₽ of revenue (85.9%)",
    );
    expect(lines[2]).toBe(
      "users 19,845, orders 63,892, revenue 8,040,160\u00a0₽, data to 2024-10-31",
    );
    expect(lines[4]).toBe(
      "expected orders in the next 90 days 41,398 (1.23 per user); one-order customers still likely active 254 of 400",
    );
  });

  it("labels amounts in the currency of the results", () => {
    const r = results();
    r.currency = { code: "usd", symbol: "$" };
    expect(summaryLines(r, "out")[2]).toBe(
      "users 19,845, orders 63,892, revenue $8,040,160, data to 2024-10-31",
    );
  });

  it("counts as one-order customers only those with one order, not those whose orders fell on one day", () => {
    // 46 customers, each with 2 orders on one day: one purchase day each, but no one-order
    // customer among them (the prediction's one-order customers are segment 1).
    const sameDay = {
      ...results(),
      overall: { users: 46, orders: 92, share_2plus: 1, share_5plus: 0 },
      filter: { ...results().filter, q: null, P: null },
    } as AnalysisResults;
    if (sameDay.prediction) {
      sameDay.prediction.single_order_buyers = {
        ...sameDay.prediction.single_order_buyers,
        users: 0,
        likely_alive: 0,
      };
    }
    expect(summaryLines(sameDay, "out")).toContain(
      "share with 2+ orders 100.0%, with 5+ orders 0.0%",
    );
    expect(summaryLines(sameDay, "out")[4]).toMatch(
      /; one-order customers still likely active 0 of 0$/,
    );
  });

  it("names the customer lists made, with their sizes and files", () => {
    const r = results();
    r.lists.nudge_now = {
      users: 1234,
      revenue_rub: 5000,
      file: "lists/nudge_now.csv",
      rule: "",
      thresholds: {},
    };
    const lines = summaryLines(r, "out");
    expect(lines).toContain("customer lists: nudge_now 1,234");
    expect(lines.at(-1)).toMatch(/, lists\/ \(nudge_now\.csv\)$/);
  });
});
