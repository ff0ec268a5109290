import { describe, expect, it } from "vitest";
import { holdoutBins } from "./holdout-evaluation.js";

describe("holdoutBins", () => {
  it("weights each triple by its users, bins x at 7+, and leaves out empty bins", () => {
    const t = (x: number, users: number, holdout: number) => ({
      x,
      tx: 0,
      T: 10,
      users,
      checkedUsers: users,
      holdout,
    });
    const { bins, total } = holdoutBins(
      [t(0, 10, 2), t(0, 5, 1), t(2, 4, 6), t(7, 1, 3), t(12, 2, 9)],
      [0.1, 0.2, 1.5, 2, 4],
    );
    expect(bins).toEqual([
      { bin: "0", users: 15, actual_orders: 3, predicted_orders: 10 * 0.1 + 5 * 0.2 },
      { bin: "2", users: 4, actual_orders: 6, predicted_orders: 6 },
      { bin: "7+", users: 3, actual_orders: 12, predicted_orders: 2 + 8 },
    ]);
    expect(total).toEqual({ bin: "total", users: 22, actual_orders: 21, predicted_orders: 18 });
  });

  it("compares only the users the check covers, though the fit saw them all", () => {
    // Two triples of 5 users each; of the second, only 2 are kept by the filter.
    const { bins, total } = holdoutBins(
      [
        { x: 0, tx: 0, T: 10, users: 5, checkedUsers: 5, holdout: 1 },
        { x: 9, tx: 8, T: 10, users: 5, checkedUsers: 2, holdout: 6 },
      ],
      [0.2, 3],
    );
    expect(bins).toEqual([
      { bin: "0", users: 5, actual_orders: 1, predicted_orders: 1 },
      { bin: "7+", users: 2, actual_orders: 6, predicted_orders: 6 },
    ]);
    expect(total).toEqual({ bin: "total", users: 7, actual_orders: 7, predicted_orders: 7 });
  });
});
