import type { Statement } from "../results.js";
import { adjustedDriversFinding } from "./adjusted-drivers.js";
import { cohortTrend } from "./cohort-trend.js";
import { comparedPeriods } from "./compared-periods.js";
import { expectedOrders } from "./expected-orders.js";
import { filterRemoved } from "./filter-removed.js";
import { focusEventTypes } from "./focus-event-types.js";
import { frequentBuyers } from "./frequent-buyers.js";
import { growMidSegment } from "./grow-mid-segment.js";
import { mainEntryPoints } from "./main-entry-points.js";
import { marketRegions } from "./market-regions.js";
import { orderCountCorrelates } from "./order-count-correlates.js";
import { reachLikelyReturners } from "./reach-likely-returners.js";
import { remindInWindow } from "./remind-in-window.js";
import { repeatWindow } from "./repeat-window.js";
import { revenueVsLoyalty } from "./revenue-vs-loyalty.js";
import type { Rule } from "./rule.js";
import { shareOfRepeaters } from "./share-of-repeaters.js";
import type { StudyResults } from "./study-results.js";
import { successfulEntryPoints } from "./successful-entry-points.js";
import { targetAdjustedDrivers } from "./target-adjusted-drivers.js";
import { tickets } from "./tickets.js";
import { winBackSingleOrder } from "./win-back-single-order.js";

export type { Rule } from "./rule.js";
export type { StudyResults } from "./study-results.js";

/** The rules of ANALYSIS.md §9, findings then recommendations, in the order they are reported. */
export const RULES: readonly Rule[] = [
  filterRemoved,
  shareOfRepeaters,
  mainEntryPoints,
  successfulEntryPoints,
  adjustedDriversFinding,
  revenueVsLoyalty,
  tickets,
  frequentBuyers,
  repeatWindow,
  orderCountCorrelates,
  cohortTrend,
  comparedPeriods,
  expectedOrders,
  focusEventTypes,
  marketRegions,
  targetAdjustedDrivers,
  remindInWindow,
  winBackSingleOrder,
  reachLikelyReturners,
  growMidSegment,
];

/** Applies every rule to the results; a rule whose condition fails contributes nothing. */
export function findingsAndRecommendations(results: StudyResults): {
  findings: Statement[];
  recommendations: Statement[];
} {
  const findings: Statement[] = [];
  const recommendations: Statement[] = [];
  for (const rule of RULES) {
    const s = rule.apply(results);
    if (s !== null) (rule.kind === "finding" ? findings : recommendations).push(s);
  }
  return { findings, recommendations };
}
