/** One list in results.json. */
export interface CustomerList {
  users: number;
  revenue_rub: number;
  /** Its file beside results.json (written when the run writes its outputs). */
  file: string;
  /** Who is on it, in words, with its thresholds. */
  rule: string;
  /** The rule's thresholds, by name (days, P(alive), orders, revenue). */
  thresholds: Record<string, number>;
}
