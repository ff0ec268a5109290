/**
 * Encore as a library: the same pipeline the CLI runs.
 *
 * ```ts
 * import { writeFile } from "node:fs/promises";
 * import { loadConfig, renderReport, runAnalysis } from "encore-analytics";
 * const config = await loadConfig(undefined, { orders: "orders.csv", rates: "rates.csv" });
 * const results = await runAnalysis(config, { outDir: "out" });
 * console.log(results.overall.share_2plus);
 * await writeFile("out/report.html", renderReport(results, "en"));
 * ```
 *
 * Or open a study once and ask it about several populations:
 *
 * ```ts
 * const study = await openStudy(await openEngine(config), config);
 * const moscow = await study.run({ filter: { ...EVERYONE, where: { region_name: ["Moscow"] } } });
 * const loyal = await study.run({ filter: { ...EVERYONE, segment: "5+" } });
 * await study.close();
 * ```
 */

export type {
  AdjustedDimension,
  AdjustedEffects,
  AdjustedValue,
} from "./analysis/adjusted-results.js";
export type {
  CohortCell,
  CohortRow,
  CohortsSection,
  ComparedPeriod,
  ComparedRepeat,
  ComparisonSection,
  TrendCohort,
  TrendSection,
  TrendWindow,
} from "./analysis/cohort-results.js";
export type { CustomerList } from "./analysis/list-results.js";
export type {
  CountModelFit,
  HoldoutBin,
  HoldoutEvaluation,
  PredictedGroup,
  PredictionSection,
  SpendModelFit,
} from "./analysis/prediction-results.js";
export type {
  AnalysisResults,
  ChiSquareSummary,
  CorrelationSection,
  CurrencyRow,
  EntryPointDimension,
  EntryPoints,
  EntryPointValue,
  FilterResult,
  Histogram,
  Ledger,
  MannWhitneySummary,
  Note,
  Overall,
  Quantiles,
  RatesSummary,
  RepeatSection,
  RevenueSection,
  RevenueSegment,
  Segment,
  SegmentProfile,
  SegmentTotals,
  SensitivityRow,
  Statement,
  TimeSection,
} from "./analysis/results.js";
export { SCHEMA_VERSION, SEGMENTS } from "./analysis/results.js";
export { openEngine, type RunOptions, runAnalysis } from "./analysis/run-analysis.js";
export {
  EVERYONE,
  type OpenOptions,
  type OptionValue,
  openStudy,
  type Study,
  type StudyFilter,
  type StudyGroup,
  type StudyOptions,
  type StudyRunOptions,
} from "./analysis/study.js";
export type { AnalysisConfig, EngineSettings, FileSource } from "./config/config.js";
export { DEFAULTS } from "./config/config.js";
export { type ConfigOverrides, loadConfig, resolveConfig } from "./config/load-config.js";
export { DEMO_TRUTH } from "./demo/truth.js";
export {
  type DemoManifest,
  type DemoOptions,
  writeDemoCsv,
  writeDemoParquet,
} from "./demo/write-demo.js";
export { EncoreError, type ErrorCode } from "./errors.js";
export type { CohortPeriod } from "./model/cohort-period.js";
export { ORDER_COLUMNS, type OrderColumn, ROW_NUMBER_SOURCE } from "./model/columns.js";
export { LIST_NAMES, type ListName } from "./model/customer-lists.js";
export type { SegmentName } from "./model/segments.js";
export { REJECT_REASONS, type RejectReason } from "./prepare/reasons.js";
export { renderReport } from "./report/render-report.js";
export { VERSION } from "./version.js";
