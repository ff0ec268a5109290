/** The value a dimension's rare values are pooled into (ANALYSIS.md §11.7). */
export const OTHER = "other";

/** The value a blank dimension reads as. */
export const UNKNOWN = "unknown";
