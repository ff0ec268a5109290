import type { RejectReason } from "../prepare/reasons.js";

/** The version of the results.json layout; the §10 core paths never change within a major. */
export const SCHEMA_VERSION = "1.0.0";

export type Segment = "1" | "2-4" | "5+";
export const SEGMENTS: readonly Segment[] = ["1", "2-4", "5+"];

export interface Ledger {
  rows_read: number;
  rows_accepted: number;
  rows_rejected: Record<RejectReason, number>;
}

export interface SensitivityRow {
  /** null: no filter. */
  q: number | null;
  P: number | null;
  users: number;
  share_2plus: number | null;
  share_5plus: number | null;
  mean_avg_revenue_rub: number | null;
}

export interface FilterResult {
  q: number | null;
  P: number | null;
  users_removed: number;
  orders_removed: number;
  revenue_removed_rub: number;
  sensitivity: SensitivityRow[];
}

export interface Overall {
  users: number;
  orders: number;
  revenue_rub: number;
  share_2plus: number | null;
  share_5plus: number | null;
  mean_avg_revenue_rub: number | null;
}

export interface SegmentTotals {
  users: number;
  orders: number;
  revenue_rub: number;
}

export interface CurrencyRow {
  currency_code: string;
  orders: number;
  revenue: number;
  revenue_rub: number;
}

export interface Note {
  code: string;
  text: string;
}

/** results.json: every figure of one run (ANALYSIS.md §10). */
export interface AnalysisResults {
  schema_version: string;
  data_end: string | null;
  data_start: string | null;
  input: {
    orders: string;
    rates: string | null;
    columns: Record<string, string | null>;
    absent_columns: string[];
  };
  ledger: Ledger;
  preparation: {
    currencies: CurrencyRow[];
    rates: { rows_read: number; rows_used: number; rows_ignored: number } | null;
    days_since_prev_check: { compared: number; mismatches: number } | null;
  };
  filter: FilterResult;
  overall: Overall;
  repeat: {
    share_2plus: number | null;
    share_5plus: number | null;
    segments: Record<Segment, SegmentTotals>;
  };
  notes: Note[];
}
