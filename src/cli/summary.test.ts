import { describe, expect, it } from "vitest";
import type { AnalysisResults } from "../analysis/results.js";
import { summaryLines } from "./summary.js";

/** The parts of a run the summary reads: 46 customers, each with 2 orders on one day. */
const results = {
  input: { source: "files" },
  ledger: { rows_read: 92, rows_accepted: 92, rows_rejected: {} },
  filter: { q: null, P: null, users_removed: 0, orders_removed: 0 },
  overall: { users: 46, orders: 92, share_2plus: 1, share_5plus: 0 },
  data_end: "2024-10-31",
  prediction: {
    horizon_days: 90,
    overall: { expected_orders: 12.4, expected_orders_per_user: 0.27 },
    single_order_buyers: { users: 46, likely_alive: 46 },
  },
  findings: [],
  recommendations: [],
} as unknown as AnalysisResults;

describe("summaryLines", () => {
  it("calls customers whose orders all fell on one day what they are, not single-order buyers", () => {
    const lines = summaryLines(results, "out");
    expect(lines).toContain("share with 2+ orders 100.0%, with 5+ orders 0.0%");
    expect(lines).toContain(
      "expected orders in the next 90 days 12 (0.27 per user); customers with a single purchase day still likely active 46 of 46",
    );
  });
});
