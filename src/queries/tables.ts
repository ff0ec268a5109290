/** The working tables of one run, in the engine's session. */
export const TABLES = {
  raw: "enc_raw",
  ratesRaw: "enc_rates_raw",
  rates: "enc_rates",
  dailyRates: "enc_rates_daily",
  rateCurrencies: "enc_rate_currencies",
  userIds: "enc_user_ids",
  checked: "enc_checked",
  /** The accepted-so-far rows whose order_id repeats: where copies and conflicts can be. */
  repeatedRows: "enc_repeated_rows",
  /** The few raw rows read again: those of repeatedRows, and the rejected ones for rejects.csv. */
  rawKept: "enc_raw_kept",
  repeatReasons: "enc_repeat_reasons",
  /** The checked table with the repeat reasons joined in, where they cannot be updated in. */
  reasoned: "enc_checked_reasoned",
  rejects: "enc_rejects",
  orders: "enc_orders",
  studyWindow: "enc_study_window",
  users: "enc_users",
  orderGaps: "enc_order_gaps",
  /** days_since_prev of every accepted order counted per user, for a run over a population. */
  userGaps: "enc_user_gaps",
  /** Each user's orders per cohort period, for the cohort cells of a run over a population. */
  userPeriods: "enc_user_periods",
  history: "enc_history",
  pairExpectations: "enc_pair_expectations",
  /** The models' per-user figures, shared by every run of a study. */
  modelPredictions: "enc_model_predictions",
} as const;

/** The working tables of one run of a study: its own names, so no two runs share one. */
export interface RunTables {
  readonly population: string;
  readonly keptUsers: string;
  readonly keptGaps: string;
  readonly compared: string;
  /** The run's view of the predictions, with its filter's exclusions. */
  readonly predictions: string;
  /** Followed by a list's name: its rows, kept to be written (§14). */
  readonly listPrefix: string;
}

/** The tables of run number `run` (1, 2, …) of a study. */
export function runTables(run: number): RunTables {
  if (!Number.isSafeInteger(run) || run < 1) throw new RangeError(`invalid run: ${run}`);
  const name = (table: string) => `enc_r${run}_${table}`;
  return {
    population: name("population"),
    keptUsers: name("users_kept"),
    keptGaps: name("gaps_kept"),
    compared: name("compared"),
    predictions: name("predictions"),
    listPrefix: name("list_"),
  };
}

/** The column that numbers the source rows, 1-based, in their order in the source. */
export const ROW_COLUMN = "__encore_row";
