/** The customer lists of ANALYSIS.md §14, in the order they are reported. */
export const LIST_NAMES = [
  "nudge_now",
  "one_order_likely_active",
  "at_risk_valuable",
  "champions",
] as const;
export type ListName = (typeof LIST_NAMES)[number];
