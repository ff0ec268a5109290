import { z } from "zod";
import { DIMENSION_COLUMNS, ORDER_COLUMNS } from "../model/columns.js";
import { CURRENCY_CODES } from "../model/currencies.js";
import { SEGMENT_NAMES } from "../model/segments.js";
import { PREDICTION_LIMITS as LIMITS, POSTGRES_MODES } from "./config.js";
import { isIsoDate, isTimeZone } from "./date-values.js";
import { durationMs, isMemoryLimit } from "./units.js";

const isoDate = z.string().refine(isIsoDate, "expected a real date as YYYY-MM-DD");

/** The configuration file (JSON), as a user writes it. Every key is optional. */
export const configFileSchema = z.strictObject({
  source: z.enum(["files", "postgres", "clickhouse"]).optional(),
  postgres_mode: z.enum(POSTGRES_MODES).optional(),
  orders: z.string().min(1).optional(),
  rates: z.string().min(1).optional(),
  columns: z.partialRecord(z.enum(ORDER_COLUMNS), z.string().min(1)).optional(),
  filter_quantile: z.union([z.number().gt(0).lte(1), z.literal("none")]).optional(),
  min_users: z.number().int().min(1).optional(),
  top_n: z.number().int().min(1).optional(),
  data_end: isoDate.optional(),
  cohort_period: z.enum(["month", "week"]).optional(),
  cohort_from: isoDate.optional(),
  cohort_to: isoDate.optional(),
  /** Keep only users whose first order has one of these values, per attribute. */
  where: z.partialRecord(z.enum(DIMENSION_COLUMNS), z.array(z.string()).min(1)).optional(),
  /** Keep only users of one segment of total orders. */
  segment: z.enum(SEGMENT_NAMES).optional(),
  compare: z.tuple([z.tuple([isoDate, isoDate]), z.tuple([isoDate, isoDate])]).optional(),
  lists: z
    .strictObject({
      nudge_window: z.tuple([z.number().min(0), z.number().min(0)]).optional(),
      likely_active_p_alive: z.number().min(0).max(1).optional(),
      likely_active_max_repeat_occasions: z.number().int().min(0).optional(),
      at_risk_p_alive: z.number().min(0).max(1).optional(),
      at_risk_min_orders: z.number().int().min(1).optional(),
      at_risk_min_revenue: z.number().min(0).optional(),
      champions_min_orders: z.number().int().min(1).optional(),
      champions_p_alive: z.number().min(0).max(1).optional(),
    })
    .optional(),
  adjusted_days: z.number().int().min(1).max(3650).optional(),
  currency: z.enum(CURRENCY_CODES).optional(),
  predict: z.boolean().optional(),
  time_unit: z.enum(["days", "weeks"]).optional(),
  horizon_days: z.number().int().min(LIMITS.horizonDays.min).max(LIMITS.horizonDays.max).optional(),
  clv_months: z.number().int().min(LIMITS.clvMonths.min).max(LIMITS.clvMonths.max).optional(),
  monthly_discount_rate: z
    .number()
    .min(LIMITS.monthlyDiscountRate.min)
    .max(LIMITS.monthlyDiscountRate.max)
    .optional(),
  calibration_end: isoDate.optional(),
  statement_timeout: z
    .string()
    .refine((text) => durationMs(text) !== null, "expected a duration such as 30s, 10min, 1h or 0")
    .optional(),
  timezone: z
    .string()
    .refine(isTimeZone, "expected a time zone such as UTC or Europe/Moscow")
    .optional(),
  memory_limit: z
    .string()
    .refine(isMemoryLimit, "expected a size above 0 with a unit, such as 500MB or 2GB")
    .optional(),
  /** Where the embedded engine spills past memory_limit (default: the system's, TMPDIR). */
  temp_directory: z.string().min(1).optional(),
  /** true writes text into the CSV outputs as it is, without the guard against formulas. */
  csv_raw: z.boolean().optional(),
});

export type ConfigFile = z.infer<typeof configFileSchema>;
