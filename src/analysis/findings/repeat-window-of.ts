import type { StudyResults } from "./study-results.js";

/** The repeat window of §7 and the median days to a second order, when there are repeaters. */
export function repeatWindowOf(
  results: StudyResults,
): { lo: number; hi: number; median: number | null; users: number } | null {
  const { window } = results.time_between_purchases.repeat_window;
  const second = results.time_between_purchases.days_to_second_order;
  if (window === null || second.users === 0 || !results.repeat.share_2plus) return null;
  return { lo: window[0], hi: window[1], median: second.p50, users: second.users };
}
