import type { Lang } from "./format.js";
import { digitsToDistinguish, formatDays, formatP } from "./format.js";
import type { Rule } from "./rule.js";
import { statement } from "./statement.js";

const id = "frequent_buyers_buy_more_often";

/**
 * Finding: customers with 5+ orders buy more often, i.e. their median avg_days_since_prev is
 * below that of `2-4` and the Mann–Whitney test of the two gives p < 0.05.
 */
export const frequentBuyers: Rule = {
  id,
  kind: "finding",
  describe:
    "The median avg interval between orders of 5+ is below that of 2-4, Mann–Whitney p < 0.05.",
  apply(results) {
    const by = results.time_between_purchases.avg_days_since_prev_by_segment;
    const [m24, m5, p] = [by["2-4"].median, by["5+"].median, by.mann_whitney.p_value];
    if (m24 === null || m5 === null || p === null || !(m5 < m24) || !(p < 0.05)) return null;
    const digits = digitsToDistinguish(m5, m24);
    const text = (lang: Lang) => {
      const [d5, d24] = [m5, m24].map((d) => formatDays(d, lang, digits));
      const pv = formatP(p, lang);
      return lang === "en"
        ? `Customers with 5 or more orders buy more often: the median of their average interval between orders is ${d5}, against ${d24} for customers with 2–4 orders (Mann–Whitney, ${pv}).`
        : `Покупатели с 5 и более заказами покупают чаще: медиана их среднего интервала между заказами — ${d5}, у покупателей с 2–4 заказами — ${d24} (критерий Манна — Уитни, ${pv}).`;
    };
    return statement(
      id,
      { en: text("en"), ru: text("ru") },
      {
        median_days_5plus: m5,
        median_days_2_4: m24,
        users_5plus: by["5+"].users,
        users_2_4: by["2-4"].users,
        p_value: p,
      },
    );
  },
};
