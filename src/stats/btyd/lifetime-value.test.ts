import { describe, expect, it } from "vitest";
import { expectClose } from "../../../test/fixtures/stats/read-fixture.js";
import { lifetimeValue } from "./lifetime-value.js";

describe("lifetimeValue", () => {
  it("discounts each month's expected events at the month's end: Σ v·(E(iu) − E((i−1)u))/(1+d)^i", () => {
    // Two events a month (E(t) = t/15 with t in days, 30 a month), worth 10 each, d = 1%.
    const value = lifetimeValue((t) => t / 15, 10, {
      months: 3,
      monthlyDiscountRate: 0.01,
      periodsPerMonth: 30,
    });
    expectClose(value, 20 / 1.01 + 20 / 1.01 ** 2 + 20 / 1.01 ** 3, 1e-15);
  });

  it("is the undiscounted expected value at rate 0, and 0 over no months", () => {
    const expected = (t: number) => 1 - Math.exp(-t / 10);
    const value = lifetimeValue(expected, 5, {
      months: 6,
      monthlyDiscountRate: 0,
      periodsPerMonth: 4.345,
    });
    expectClose(value, 5 * expected(6 * 4.345), 1e-14);
    expect(
      lifetimeValue(expected, 5, { months: 0, monthlyDiscountRate: 0.01, periodsPerMonth: 30 }),
    ).toBe(0);
  });

  it("rejects a horizon that is not a whole number of months", () => {
    expect(() =>
      lifetimeValue((t) => t, 1, { months: 1.5, monthlyDiscountRate: 0, periodsPerMonth: 30 }),
    ).toThrow("invalid months: 1.5");
  });
});
