import {
  digitsToDistinguish,
  formatDays,
  formatP,
  formatSignedPercent,
} from "../../text/format.js";
import type { Lang } from "../../text/lang.js";
import { largeEnough, relativeDifference } from "./effect-size.js";
import type { Rule } from "./rule.js";
import { statement } from "./statement.js";

const id = "frequent_buyers_buy_more_often";

/**
 * Finding: customers with 5+ orders buy more often: their median and mean avg_days_since_prev
 * are both at least MIN_RELATIVE_DIFFERENCE below those of `2-4`, and the Mann–Whitney test of
 * the two gives p < 0.05.
 */
export const frequentBuyers: Rule = {
  id,
  kind: "finding",
  apply(results) {
    const by = results.time_between_purchases.avg_days_since_prev_by_segment;
    const [m24, m5, p] = [by["2-4"].median, by["5+"].median, by.mann_whitney.p_value];
    const [a24, a5] = [by["2-4"].mean, by["5+"].mean];
    if (m24 === null || m5 === null || a24 === null || a5 === null) return null;
    if (p === null || !(p < 0.05)) return null;
    const [dm, da] = [relativeDifference(m5, m24), relativeDifference(a5, a24)];
    if (dm === null || da === null || !largeEnough([dm, da], -1)) return null;
    const digits = Math.max(digitsToDistinguish(m5, m24), digitsToDistinguish(a5, a24));
    const text = (lang: Lang) => {
      const [d5, d24, e5, e24] = [m5, m24, a5, a24].map((d) => formatDays(d, lang, digits));
      const [sm, sa] = [formatSignedPercent(dm, lang, 0), formatSignedPercent(da, lang, 0)];
      const pv = formatP(p, lang);
      return lang === "en"
        ? `Customers with 5 or more orders buy more often: the median of their average interval between orders is ${d5}, against ${d24} for customers with 2–4 orders (${sm}); the means are ${e5} and ${e24} (${sa}; Mann–Whitney, ${pv}).`
        : `Покупатели с 5 и более заказами покупают чаще: медиана их среднего интервала между заказами — ${d5}, у покупателей с 2–4 заказами — ${d24} (${sm}); средние — ${e5} и ${e24} (${sa}; критерий Манна — Уитни, ${pv}).`;
    };
    return statement(
      id,
      { en: text("en"), ru: text("ru") },
      {
        median_days_5plus: m5,
        median_days_2_4: m24,
        mean_days_5plus: a5,
        mean_days_2_4: a24,
        median_difference: dm,
        mean_difference: da,
        users_5plus: by["5+"].users,
        users_2_4: by["2-4"].users,
        p_value: p,
      },
    );
  },
};
