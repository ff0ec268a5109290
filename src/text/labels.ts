import { OTHER, UNKNOWN } from "../model/pooled-values.js";
import type { Lang } from "./lang.js";

type Label = Record<Lang, string>;

const DIMENSIONS: Record<string, Label> = {
  first_event_type: { en: "event type", ru: "тип мероприятия" },
  first_device: { en: "device", ru: "устройство" },
  first_region: { en: "region", ru: "регион" },
  first_city: { en: "city", ru: "город" },
  first_service: { en: "ticket operator", ru: "билетный оператор" },
  // The binned first-order figures of the adjusted effects (§13).
  first_order_check: { en: "first-order check", ru: "чек первого заказа" },
  first_order_tickets: { en: "tickets in the first order", ru: "билетов в первом заказе" },
};

const FEATURES: Record<string, Label> = {
  avg_revenue_rub: { en: "average check", ru: "средний чек" },
  avg_tickets_count: { en: "average tickets per order", ru: "среднее число билетов в заказе" },
  total_revenue_rub: { en: "total revenue", ru: "общая выручка" },
  total_tickets: { en: "total tickets", ru: "общее число билетов" },
  avg_days_since_prev: {
    en: "average interval between orders",
    ru: "средний интервал между заказами",
  },
  first_device: { en: "device of the first order", ru: "устройство первого заказа" },
  first_event_type: { en: "event type of the first order", ru: "тип мероприятия первого заказа" },
  first_region: { en: "region of the first order", ru: "регион первого заказа" },
  first_city: { en: "city of the first order", ru: "город первого заказа" },
  first_service: {
    en: "ticket operator of the first order",
    ru: "билетный оператор первого заказа",
  },
  first_order_weekday: { en: "weekday of the first order", ru: "день недели первого заказа" },
};

const VALUES: Record<string, Label> = {
  [OTHER]: { en: "other", ru: "другое" },
  [UNKNOWN]: { en: "unknown", ru: "не указано" },
};

/** A value of the data as shown: the values Encore names itself (`other`, `unknown`) translated. */
export function valueLabel(value: string, lang: Lang): string {
  return VALUES[value]?.[lang] ?? value;
}

/** What a first-order dimension is called in text; an unknown one keeps its column name. */
export function dimensionLabel(dimension: string, lang: Lang): string {
  return DIMENSIONS[dimension]?.[lang] ?? dimension;
}

/** What a φK feature is called in text; an unknown one keeps its column name. */
export function featureLabel(feature: string, lang: Lang): string {
  return FEATURES[feature]?.[lang] ?? feature;
}
