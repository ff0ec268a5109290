import type { Statement } from "../results.js";
import type { StudyResults } from "./study-results.js";

/** A rule of ANALYSIS.md §9: a statement when its condition holds in the data, else null. */
export interface Rule {
  id: string;
  kind: "finding" | "recommendation";
  apply(results: StudyResults): Statement | null;
}
