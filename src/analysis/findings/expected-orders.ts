import { formatCount, formatDays, formatDecimal, formatPercent, type Lang } from "./format.js";
import { pluralRu } from "./plural-ru.js";
import type { Rule } from "./rule.js";
import { statement } from "./statement.js";

const id = "expected_orders";

const ORDER_FORMS = ["заказ", "заказа", "заказов"] as const;

/**
 * Finding: the orders the MBG/NBD model expects in the horizon, per customer of segments 1 and
 * 5+, with the holdout check that says how far to trust it; holds when there is a prediction
 * with expected orders for both segments.
 */
export const expectedOrders: Rule = {
  id,
  kind: "finding",
  describe:
    "When the models were fitted: expected orders in the horizon, 5+ vs 1, and the holdout check.",
  apply(results) {
    const p = results.prediction;
    if (!p || p.overall.users === 0) return null;
    const one = p.by_segment.find((s) => s.segment === "1")?.expected_orders_per_user ?? null;
    const five = p.by_segment.find((s) => s.segment === "5+")?.expected_orders_per_user ?? null;
    if (one === null || five === null) return null;
    const h = p.holdout;
    const text = (lang: Lang) => {
      const total = formatCount(p.overall.expected_orders, lang);
      const days = formatDays(p.horizon_days, lang);
      const [f, o] = [formatDecimal(five, 2, lang), formatDecimal(one, 2, lang)];
      const check =
        h && h.relative_error !== null
          ? lang === "en"
            ? ` Check: fitted on the orders up to ${h.calibration_end}, the model predicted ${formatCount(h.total.predicted_orders, lang)} orders for the next ${formatDays(h.holdout_days, lang)}; the customers placed ${formatCount(h.total.actual_orders, lang)} (${signed(h.relative_error, lang)}).`
            : ` Проверка: по заказам до ${h.calibration_end} модель предсказала на ${formatDays(h.holdout_days, lang)} после этой даты ${formatCount(h.total.predicted_orders, lang)} ${pluralRu(Math.round(h.total.predicted_orders), ORDER_FORMS)}, на деле покупатели сделали ${formatCount(h.total.actual_orders, lang)} (${signed(h.relative_error, lang)}).`
          : "";
      if (lang === "en") {
        return `In the next ${days} the customers are expected to place ${total} orders: ${f} per customer with 5 or more orders against ${o} per one-order customer (MBG/NBD model).${check}`;
      }
      return `За ${days} после конца данных покупатели, по прогнозу, сделают ${total} ${pluralRu(Math.round(p.overall.expected_orders), ORDER_FORMS)}: ${f} на покупателя с 5 и более заказами против ${o} на покупателя с одним заказом (модель MBG/NBD).${check}`;
    };
    return statement(
      id,
      { en: text("en"), ru: text("ru") },
      {
        horizon_days: p.horizon_days,
        expected_orders: p.overall.expected_orders,
        expected_orders_per_user_5plus: five,
        expected_orders_per_user_1: one,
        holdout_predicted: h?.total.predicted_orders ?? null,
        holdout_actual: h?.total.actual_orders ?? null,
        holdout_relative_error: h?.relative_error ?? null,
        model: "MBG/NBD",
      },
    );
  },
};

function signed(share: number, lang: Lang): string {
  const text = formatPercent(Math.abs(share), lang);
  return share > 0 ? `+${text}` : share < 0 ? `−${text}` : text;
}
