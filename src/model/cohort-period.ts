/** The calendar period of an acquisition cohort (ANALYSIS.md §12): a month, or an ISO week. */
export type CohortPeriod = "month" | "week";
