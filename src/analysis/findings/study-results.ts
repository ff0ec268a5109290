import type { AnalysisResults } from "../results.js";

/** Everything a rule reads: the results of ANALYSIS.md §2–§8, before any finding exists. */
export type StudyResults = Omit<AnalysisResults, "findings" | "recommendations">;
