/** A trend test's z and p (the shape of results.json's cohort trend windows, §12). */
interface TrendTest {
  z: number;
  p_value: number;
}

/**
 * The window's trend also holds over the population before the order-count filter (p < 0.05,
 * same direction), or there was no filter. The filter cuts by lifetime orders, which grow with
 * follow-up, so a trend it makes or hides by itself is not claimed (§12). It decides what both
 * the finding and the report's cohort section say of a trend, so the two cannot disagree.
 */
export function holdsWithoutFilter(window: {
  cochran_armitage: Pick<TrendTest, "z"> | null;
  without_filter: TrendTest | null;
}): boolean {
  const [test, check] = [window.cochran_armitage, window.without_filter];
  return check === null || (check.p_value < 0.05 && check.z * (test?.z ?? 0) > 0);
}
