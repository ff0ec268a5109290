import type { CurrencyWords } from "../../model/currencies.js";
import { formatCount, formatDecimal, formatMoney, formatPercent } from "../../text/format.js";
import type { Lang } from "../../text/lang.js";
import { pluralRu, RU_FORMS } from "../../text/plural-ru.js";
import type { SensitivityRow } from "../results.js";
import { currencyOf } from "./currency-of.js";
import type { Rule } from "./rule.js";
import { statement } from "./statement.js";

const id = "filter_removed_much";

/** The filter's part of orders or revenue above which the report's figures need this warning. */
const MUCH = 0.25;

/**
 * Finding: the order-count filter removed more than a quarter of the orders or of the revenue,
 * so the study describes the rest; worded by what the filter did (the customers with the most
 * orders), never by a guess at who they are, with the headline figures of the sensitivity table
 * without the filter beside those with it.
 */
export const filterRemoved: Rule = {
  id,
  kind: "finding",
  apply(results) {
    const f = results.filter;
    const { users: su, orders: so, revenue: sr } = f.removed_share;
    if (f.P === null || su === null || so === null || sr === null) return null;
    if (!(so > MUCH || sr > MUCH)) return null;
    const none = f.sensitivity.find((s) => s.q === null);
    const kept = f.sensitivity.find((s) => s.q === f.q);
    const text = (lang: Lang) => {
      const [n, pct, po, pr] = [
        formatCount(f.users_removed, lang),
        formatPercent(su, lang),
        formatPercent(so, lang),
        formatPercent(sr, lang),
      ];
      const P = formatDecimal(f.P ?? 0, Number.isInteger(f.P) ? 0 : 1, lang);
      const without = none && kept ? sensitivityPhrase(none, kept, lang, currencyOf(results)) : "";
      if (lang === "en") {
        return `The order-count filter left out the ${pct} of customers with the most orders (${n} customers with more than ${P} orders each), and with them ${po} of orders and ${pr} of revenue: every other figure of this report describes the remaining customers.${without}`;
      }
      const who = pluralRu(f.users_removed, RU_FORMS.customer);
      const each = f.users_removed === 1 ? "у него" : "у каждого";
      return `Фильтр по числу заказов исключил ${pct} покупателей с наибольшим числом заказов (${n} ${who}, ${each} больше ${P} ${ordersGenitive(f.P ?? 0)}), а с ними ${po} заказов и ${pr} выручки: все остальные показатели отчёта описывают оставшихся покупателей.${without}`;
    };
    return statement(
      id,
      { en: text("en"), ru: text("ru") },
      {
        q: f.q,
        P: f.P,
        users_removed: f.users_removed,
        orders_removed: f.orders_removed,
        revenue_removed_rub: f.revenue_removed_rub,
        users_removed_share: su,
        orders_removed_share: so,
        revenue_removed_share: sr,
        share_2plus_without_filter: none?.share_2plus ?? null,
        share_5plus_without_filter: none?.share_5plus ?? null,
        mean_avg_revenue_without_filter: none?.mean_avg_revenue_rub ?? null,
      },
    );
  },
};

/** The headline figures without the filter, each with its value under the filter. */
function sensitivityPhrase(
  none: SensitivityRow,
  kept: SensitivityRow,
  lang: Lang,
  currency: CurrencyWords,
): string {
  const pct = (x: number | null) => (x === null ? "—" : formatPercent(x, lang));
  const rub = (x: number | null) => (x === null ? "—" : formatMoney(x, lang, currency));
  if (lang === "en") {
    return ` Without the filter, ${pct(none.share_2plus)} of customers made 2 or more orders (${pct(kept.share_2plus)} with it), ${pct(none.share_5plus)} made 5 or more (${pct(kept.share_5plus)}) and the mean average check is ${rub(none.mean_avg_revenue_rub)} (${rub(kept.mean_avg_revenue_rub)}); the sensitivity table in "Data quality" has more.`;
  }
  return ` Без фильтра 2 и более заказа сделали ${pct(none.share_2plus)} покупателей (с фильтром — ${pct(kept.share_2plus)}), 5 и более — ${pct(none.share_5plus)} (${pct(kept.share_5plus)}), средний чек (в среднем по покупателям) — ${rub(none.mean_avg_revenue_rub)} (${rub(kept.mean_avg_revenue_rub)}); подробнее — в таблице чувствительности в разделе «Качество данных».`;
}

/** «больше 15 заказов», «больше 21 заказа», «больше 2,5 заказа». */
function ordersGenitive(n: number): string {
  return Number.isInteger(n) ? pluralRu(n, ["заказа", "заказов", "заказов"]) : "заказа";
}
