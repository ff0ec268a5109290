/** The order columns of ANALYSIS.md §1, under their canonical names. */
export const ORDER_COLUMNS = [
  "user_id",
  "order_id",
  "order_ts",
  "order_dt",
  "revenue",
  "currency_code",
  "tickets_count",
  "device_type_canonical",
  "event_type_main",
  "region_name",
  "city_name",
  "service_name",
  "days_since_prev",
] as const;

export type OrderColumn = (typeof ORDER_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly OrderColumn[] = ["user_id", "order_id", "revenue"];

/** The text dimensions of an order and the first-order column of agg_users each becomes. */
export const DIMENSIONS = {
  event_type_main: "first_event_type",
  device_type_canonical: "first_device",
  region_name: "first_region",
  service_name: "first_service",
  city_name: "first_city",
} as const satisfies Partial<Record<OrderColumn, string>>;

export type DimensionColumn = keyof typeof DIMENSIONS;
export type FirstDimension = (typeof DIMENSIONS)[DimensionColumn];

export const DIMENSION_COLUMNS = Object.keys(DIMENSIONS) as DimensionColumn[];

/** The order column each first-order dimension is taken from. */
export const SOURCE_COLUMN = Object.fromEntries(
  DIMENSION_COLUMNS.map((column) => [DIMENSIONS[column], column]),
) as Record<FirstDimension, DimensionColumn>;

/** A mapping target that stands for the row's position in the source (1-based). */
export const ROW_NUMBER_SOURCE = "@row_number";

export const isOrderColumn = (name: string): name is OrderColumn =>
  (ORDER_COLUMNS as readonly string[]).includes(name);
