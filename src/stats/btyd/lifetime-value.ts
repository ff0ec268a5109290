/** Options of `lifetimeValue`. */
export interface LifetimeValueOptions {
  /** Horizon in months. */
  months: number;
  /** Discount rate per month (0.01 ≈ 12.7% a year). */
  monthlyDiscountRate: number;
  /** Time units in a month: 30 for days, 4.345 for weeks, as lifetimes. */
  periodsPerMonth: number;
}

/**
 * Discounted expected value of a subject's future events, as lifetimes'
 * `customer_lifetime_value`:
 *
 *   Σ_{i=1}^{months} value · (E(i·u) − E((i−1)·u)) / (1 + d)^i
 *
 * where E(t) is the subject's expected number of events in the next t
 * (`bgNbdConditionalExpected` or `mbgNbdConditionalExpected` with its history
 * fixed), u is `periodsPerMonth`, d the monthly discount rate and `value` the
 * expected value per event (`gammaGammaConditionalMean`). Events of month i are
 * discounted as if they all happened at its end.
 */
export function lifetimeValue(
  expectedEvents: (t: number) => number,
  value: number,
  { months, monthlyDiscountRate, periodsPerMonth }: LifetimeValueOptions,
): number {
  if (!(Number.isInteger(months) && months >= 0)) {
    throw new RangeError(`invalid months: ${months}; expected an integer ≥ 0`);
  }
  if (!(monthlyDiscountRate > -1)) {
    throw new RangeError(
      `invalid monthlyDiscountRate: ${monthlyDiscountRate}; expected a number > −1`,
    );
  }
  if (!(periodsPerMonth > 0))
    throw new RangeError(`invalid periodsPerMonth: ${periodsPerMonth}; expected > 0`);
  let total = 0;
  let previous = 0;
  for (let i = 1; i <= months; i++) {
    const cumulative = expectedEvents(i * periodsPerMonth);
    total += (value * (cumulative - previous)) / (1 + monthlyDiscountRate) ** i;
    previous = cumulative;
  }
  return total;
}
