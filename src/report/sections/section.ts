import type { AnalysisResults } from "../../analysis/results.js";
import type { Chart } from "../charts/chart.js";
import type { ReportContext } from "../context.js";

/** A rendered section: its HTML body (charts already placed in it) and its charts. */
export interface Section {
  id: string;
  title: string;
  body: string;
  charts: Chart[];
}

export type SectionBuilder = (results: AnalysisResults, ctx: ReportContext) => Section;
