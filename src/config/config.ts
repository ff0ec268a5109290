import type { OrderColumn } from "../model/columns.js";

export type FileFormat = "csv" | "parquet";

/** A file to read: its path and how to read it. */
export interface FileSource {
  readonly kind: "file";
  readonly path: string;
  readonly format: FileFormat;
}

/** The complete, validated settings of one analysis run. */
export interface AnalysisConfig {
  readonly orders: FileSource;
  readonly rates: FileSource | null;
  /** Canonical column → source column (or ROW_NUMBER_SOURCE); unmapped columns use their own name. */
  readonly columns: Partial<Record<OrderColumn, string>>;
  /** The order-count percentile of the anomaly filter; null switches the filter off. */
  readonly filterQuantile: number | null;
  readonly minUsers: number;
  readonly topN: number;
  /** The end of the observation window; null means the latest order date in the data. */
  readonly dataEnd: string | null;
  readonly memoryLimit: string;
}

export const DEFAULTS = {
  filterQuantile: 0.9,
  minUsers: 30,
  topN: 15,
  memoryLimit: "1GB",
} as const;

/** The quantiles of the sensitivity table (ANALYSIS.md §3), null meaning no filter. */
export const SENSITIVITY_QUANTILES: readonly (number | null)[] = [null, 0.99, 0.95, 0.9];
