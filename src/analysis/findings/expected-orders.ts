import {
  formatCount,
  formatDate,
  formatDays,
  formatDecimal,
  formatSignedPercent,
} from "../../text/format.js";
import type { Lang } from "../../text/lang.js";
import { pluralRu, RU_FORMS } from "../../text/plural-ru.js";
import type { Rule } from "./rule.js";
import { statement } from "./statement.js";

const id = "expected_orders";

/**
 * Finding: the orders the MBG/NBD model expects in the horizon, per customer of segments 1 and
 * 5+, with the holdout check that says how far to trust it; holds when there is a prediction
 * with expected orders for both segments.
 */
export const expectedOrders: Rule = {
  id,
  kind: "finding",
  apply(results) {
    const p = results.prediction;
    if (!p || p.overall.users === 0) return null;
    const one = p.by_segment.find((s) => s.segment === "1")?.expected_orders_per_user ?? null;
    const five = p.by_segment.find((s) => s.segment === "5+")?.expected_orders_per_user ?? null;
    if (one === null || five === null) return null;
    const h = p.holdout;
    const customers = (n: number) => pluralRu(n, RU_FORMS.customerOf);
    const check = (lang: Lang) => {
      if (!h || h.relative_error === null) return "";
      const [cal, hd, n] = [
        formatDate(h.calibration_end, lang),
        formatDays(h.holdout_days, lang),
        formatCount(h.users, lang),
      ];
      const [pred, act] = [h.total.predicted_orders, h.total.actual_orders];
      const err = formatSignedPercent(h.relative_error, lang);
      const kept = h.max_orders !== null && h.max_orders !== undefined;
      if (lang === "en") {
        const whom = kept ? " and whom the order-count filter keeps" : "";
        return ` Check on the same kind of customers: fitted on the orders up to ${cal}, the model predicted ${formatCount(pred, lang)} orders in the next ${hd} for the ${n} customers who had bought by then${whom}; they placed ${formatCount(act, lang)} (${err}).`;
      }
      const whom = kept ? ", которых оставил бы фильтр по числу заказов" : "";
      return ` Проверка на таких же покупателях: по заказам по ${cal} модель предсказала на ${hd} после этой даты ${formatCount(pred, lang)} ${pluralRu(Math.round(pred), RU_FORMS.order)} для ${n} ${customers(h.users)}, купивших до неё${whom}; на деле они сделали ${formatCount(act, lang)} (${err}).`;
    };
    const text = (lang: Lang) => {
      const total = formatCount(p.overall.expected_orders, lang);
      const days = formatDays(p.horizon_days, lang);
      const date = formatDate(p.as_of, lang);
      const users = formatCount(p.overall.users, lang);
      const [f, o] = [formatDecimal(five, 2, lang), formatDecimal(one, 2, lang)];
      if (lang === "en") {
        return `In the ${days} after ${date}, the end of the data, the ${users} customers of the study are expected to place ${total} orders: ${f} per customer with 5 or more orders against ${o} per one-order customer (MBG/NBD model).${check(lang)}`;
      }
      return `По прогнозу, за ${days} после ${date} (конец данных) ${users} ${pluralRu(p.overall.users, RU_FORMS.customer)} исследования ${pluralRu(p.overall.users, RU_FORMS.willMake)} ${total} ${pluralRu(Math.round(p.overall.expected_orders), RU_FORMS.order)}: ${f} на покупателя с 5 и более заказами против ${o} на покупателя с одним заказом (модель MBG/NBD).${check(lang)}`;
    };
    return statement(
      id,
      { en: text("en"), ru: text("ru") },
      {
        horizon_days: p.horizon_days,
        expected_orders: p.overall.expected_orders,
        expected_orders_per_user_5plus: five,
        expected_orders_per_user_1: one,
        users: p.overall.users,
        as_of: p.as_of,
        holdout_users: h?.users ?? null,
        holdout_predicted: h?.total.predicted_orders ?? null,
        holdout_actual: h?.total.actual_orders ?? null,
        holdout_relative_error: h?.relative_error ?? null,
        model: "MBG/NBD",
      },
    );
  },
};
