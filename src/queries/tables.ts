/** The working tables of one run, in the engine's session. */
export const TABLES = {
  raw: "enc_raw",
  ratesRaw: "enc_rates_raw",
  rates: "enc_rates",
  dailyRates: "enc_rates_daily",
  rateCurrencies: "enc_rate_currencies",
  userIds: "enc_user_ids",
  checked: "enc_checked",
  repeatReasons: "enc_repeat_reasons",
  rejects: "enc_rejects",
  orders: "enc_orders",
  studyWindow: "enc_study_window",
  users: "enc_users",
  population: "enc_population",
  keptUsers: "enc_users_kept",
  compared: "enc_compared",
  /** Followed by a list's name: its rows, kept to be written (§14). */
  listPrefix: "enc_list_",
  orderGaps: "enc_order_gaps",
  history: "enc_history",
  pairExpectations: "enc_pair_expectations",
  predictions: "enc_predictions",
} as const;

/** The column that numbers the source rows, 1-based, in their order in the source. */
export const ROW_COLUMN = "__encore_row";
