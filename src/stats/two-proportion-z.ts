import { normalSf } from "./normal.js";

/** A z statistic and its two-sided p-value. */
export interface ZTest {
  z: number;
  pValue: number;
}

/**
 * Two-sided two-proportion z-test of x1/n1 against x2/n2 with the pooled
 * variance (statsmodels `proportions_ztest` with `prop_var=False`). z > 0 when
 * the first proportion is larger; p = 2·normalSf(|z|), exact for tiny p-values.
 * Zero pooled variance (no or only successes) gives z = 0, p = 1; n1 = 0 or
 * n2 = 0 gives NaN for both.
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): ZTest {
  if (!(n1 > 0 && n2 > 0)) return { z: Number.NaN, pValue: Number.NaN };
  const pooled = (x1 + x2) / (n1 + n2);
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  if (!(variance > 0)) return { z: 0, pValue: 1 };
  const z = (x1 / n1 - x2 / n2) / Math.sqrt(variance);
  return { z, pValue: Math.min(1, 2 * normalSf(Math.abs(z))) };
}
