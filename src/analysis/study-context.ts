import type { Engine } from "../engine/engine.js";
import type { FirstDimension } from "../model/columns.js";

/** What every stage of the study (ANALYSIS.md §4–§8) reads: the users and orders the filter keeps. */
export interface StudyContext {
  readonly engine: Engine;
  /** A table or view of agg_users rows kept by the order-count filter. */
  readonly users: string;
  /** Every accepted order: user_no, order_dt, revenue_rub, … (the population's and others'). */
  readonly orders: string;
  /** user_no ↔ user_id of every accepted user. */
  readonly userIds: string;
  /**
   * A relation of (days_since_prev, orders): how many accepted orders of those users have each
   * days_since_prev (NULL for first orders), possibly over several rows per value.
   */
  readonly orderGaps: string;
  /**
   * Each accepted user's orders and revenue per cohort period (userPeriodsSql), where the
   * study made it for many filtered runs; null: the cohort cells read the orders.
   */
  readonly userPeriods: string | null;
  /** The first-order dimensions the source has. */
  readonly dimensions: readonly FirstDimension[];
  readonly minUsers: number;
  readonly topN: number;
  /** The end of the observation window, YYYY-MM-DD. */
  readonly dataEnd: string;
}
