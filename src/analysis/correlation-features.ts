import type { FirstDimension } from "../model/columns.js";

/** A variable of the φK matrix: a column of the users table (ANALYSIS.md §8, §11.12). */
export interface CorrelationFeature {
  readonly name: string;
  readonly kind: "interval" | "categorical";
  /** A categorical keeps its `top` most common values (ties by value ascending); the rest become `other`. */
  readonly top?: number;
}

/** The feature every other is set against: φK `with_total_orders` and Spearman's ρ. */
export const CORRELATION_TARGET = "total_orders";

const INTERVAL = [
  "total_orders",
  "avg_revenue_rub",
  "avg_tickets_count",
  "total_revenue_rub",
  "total_tickets",
  "avg_days_since_prev",
] as const;

const CATEGORICAL: readonly { name: FirstDimension; pooled: boolean }[] = [
  { name: "first_device", pooled: false },
  { name: "first_event_type", pooled: false },
  { name: "first_region", pooled: true },
  { name: "first_service", pooled: true },
];

/**
 * The features of ANALYSIS.md §11.12, in that order: six interval columns, the first-order
 * dimensions the source has (region and service pooled to the top `topN` + `other`), and
 * first_order_weekday as a category.
 */
export function correlationFeatures(
  dimensions: readonly FirstDimension[],
  topN: number,
): CorrelationFeature[] {
  const categorical = CATEGORICAL.filter(({ name }) => dimensions.includes(name)).map(
    ({ name, pooled }): CorrelationFeature =>
      pooled ? { name, kind: "categorical", top: topN } : { name, kind: "categorical" },
  );
  return [
    ...INTERVAL.map((name): CorrelationFeature => ({ name, kind: "interval" })),
    ...categorical,
    { name: "first_order_weekday", kind: "categorical" },
  ];
}
