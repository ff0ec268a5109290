import { type FirstDimension, type OrderColumn, SOURCE_COLUMN } from "../model/columns.js";
import { OTHER, UNKNOWN } from "../model/pooled-values.js";
import type { Lang } from "./lang.js";

type Label = Record<Lang, string>;

/** The optional order columns of ANALYSIS.md §1, as the notes and the report name them. */
const COLUMNS: Partial<Record<OrderColumn, Label>> = {
  order_ts: { en: "order time", ru: "время заказа" },
  order_dt: { en: "order date", ru: "дата заказа" },
  currency_code: { en: "currency", ru: "валюта" },
  tickets_count: { en: "tickets per order", ru: "билетов в заказе" },
  device_type_canonical: { en: "device", ru: "устройство" },
  event_type_main: { en: "event type", ru: "тип мероприятия" },
  region_name: { en: "region", ru: "регион" },
  city_name: { en: "city", ru: "город" },
  service_name: { en: "ticket operator", ru: "билетный оператор" },
  days_since_prev: { en: "days since the previous order", ru: "дней с предыдущего заказа" },
};

/** The binned first-order figures of the adjusted effects (§13), which no order column names. */
const BINNED: Record<string, Label> = {
  first_order_check: { en: "first-order check", ru: "чек первого заказа" },
  first_order_tickets: { en: "tickets in the first order", ru: "билетов в первом заказе" },
};

/**
 * The per-user features of φK (§8): `text` in running text, `short` where a chart's axis or a
 * table's row has little room.
 */
const FEATURES: Record<string, Record<Lang, { text: string; short: string }>> = {
  total_orders: {
    en: { text: "number of orders", short: "orders" },
    ru: { text: "число заказов", short: "заказы" },
  },
  avg_revenue_rub: {
    en: { text: "average check", short: "average check" },
    ru: { text: "средний чек", short: "средний чек" },
  },
  avg_tickets_count: {
    en: { text: "average tickets per order", short: "tickets per order" },
    ru: { text: "среднее число билетов в заказе", short: "билетов в заказе" },
  },
  total_revenue_rub: {
    en: { text: "total revenue", short: "total revenue" },
    ru: { text: "общая выручка", short: "общая выручка" },
  },
  total_tickets: {
    en: { text: "total tickets", short: "total tickets" },
    ru: { text: "общее число билетов", short: "всего билетов" },
  },
  avg_days_since_prev: {
    en: { text: "average interval between orders", short: "interval between orders" },
    ru: { text: "средний интервал между заказами", short: "интервал между заказами" },
  },
  first_device: {
    en: { text: "device of the first order", short: "device (1st order)" },
    ru: { text: "устройство первого заказа", short: "устройство (1-й заказ)" },
  },
  first_event_type: {
    en: { text: "event type of the first order", short: "event type (1st order)" },
    ru: { text: "тип мероприятия первого заказа", short: "тип мероприятия (1-й заказ)" },
  },
  first_region: {
    en: { text: "region of the first order", short: "region (1st order)" },
    ru: { text: "регион первого заказа", short: "регион (1-й заказ)" },
  },
  first_city: {
    en: { text: "city of the first order", short: "city (1st order)" },
    ru: { text: "город первого заказа", short: "город (1-й заказ)" },
  },
  first_service: {
    en: { text: "ticket operator of the first order", short: "operator (1st order)" },
    ru: { text: "билетный оператор первого заказа", short: "оператор (1-й заказ)" },
  },
  first_order_weekday: {
    en: { text: "weekday of the first order", short: "weekday (1st order)" },
    ru: { text: "день недели первого заказа", short: "день недели (1-й заказ)" },
  },
};

const VALUES: Record<string, Label> = {
  [OTHER]: { en: "other", ru: "другое" },
  [UNKNOWN]: { en: "unknown", ru: "не указано" },
};

/** A value of the data as shown: the values Encore names itself (`other`, `unknown`) translated. */
export function valueLabel(value: string, lang: Lang): string {
  return VALUES[value]?.[lang] ?? value;
}

/** What an order column is called; an unknown one keeps its name. */
export function columnLabel(column: string, lang: Lang): string {
  return COLUMNS[column as OrderColumn]?.[lang] ?? column;
}

/**
 * What a first-order dimension is called in text: as the order column it comes from (`event
 * type`); an unknown one keeps its column name.
 */
export function dimensionLabel(dimension: string, lang: Lang): string {
  const column = SOURCE_COLUMN[dimension as FirstDimension];
  if (column) return columnLabel(column, lang);
  return BINNED[dimension]?.[lang] ?? dimension;
}

/** What a φK feature is called, in running text or short; an unknown one keeps its column name. */
export function featureLabel(feature: string, lang: Lang, form: "text" | "short" = "text"): string {
  return FEATURES[feature]?.[lang][form] ?? feature;
}
