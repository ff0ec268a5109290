import { formatMoney, formatP, formatSignedPercent } from "../../text/format.js";
import type { Lang } from "../../text/lang.js";
import { currencyOf } from "./currency-of.js";
import { largeEnough, relativeDifference } from "./effect-size.js";
import type { Rule } from "./rule.js";
import { statement } from "./statement.js";

const id = "revenue_vs_loyalty";

/**
 * Finding: the average check differs between one-order customers and repeaters (Mann–Whitney on
 * avg_revenue_rub, `1` vs `2+`, p < 0.05), and by enough to matter. The direction is the test's
 * own (U1 below n1·n2/2: the first group, one-order customers, ranks lower); the rule speaks
 * only when both the median and the mean avg check of both `2-4` and `5+` differ from those of
 * `1` by at least MIN_RELATIVE_DIFFERENCE in that direction: medians apart with equal means
 * mean a different spread, not customers who spend more.
 */
export const revenueVsLoyalty: Rule = {
  id,
  kind: "finding",
  apply(results) {
    const { mann_whitney: mw } = results.revenue.avg_revenue_comparisons["1_vs_2plus"];
    const seg = results.revenue.segments;
    const p = mw.p_value;
    if (p === null || !(p < 0.05) || mw.n1 === 0 || mw.n2 === 0) return null;
    const half = (mw.n1 * mw.n2) / 2;
    if (mw.u1 === half) return null;
    const higher = mw.u1 < half;
    const [m1, m24, m5] = [seg["1"], seg["2-4"], seg["5+"]].map((s) => s.median_avg_revenue_rub);
    const [a1, a24, a5] = [seg["1"], seg["2-4"], seg["5+"]].map((s) => s.mean_avg_revenue_rub);
    if (m1 == null || m24 == null || m5 == null || a1 == null || a24 == null || a5 == null) {
      return null;
    }
    const d = {
      median24: relativeDifference(m24, m1) ?? 0,
      median5: relativeDifference(m5, m1) ?? 0,
      mean24: relativeDifference(a24, a1) ?? 0,
      mean5: relativeDifference(a5, a1) ?? 0,
    };
    if (!largeEnough([d.median24, d.median5, d.mean24, d.mean5], higher ? 1 : -1)) return null;
    const text = (lang: Lang) => {
      const r = (x: number) => formatMoney(x, lang, currencyOf(results));
      const s = (x: number) => formatSignedPercent(x, lang, 0);
      const pv = formatP(p, lang);
      if (lang === "en") {
        return `Repeat customers spend ${higher ? "more" : "less"} per order: the median average check is ${r(m24)} for customers with 2–4 orders (${s(d.median24)}) and ${r(m5)} with 5 or more (${s(d.median5)}), against ${r(m1)} for one-order customers; the means are ${r(a24)} (${s(d.mean24)}) and ${r(a5)} (${s(d.mean5)}) against ${r(a1)} (Mann–Whitney, ${pv}).`;
      }
      return `Покупатели с повторными заказами тратят на заказ ${higher ? "больше" : "меньше"}: медиана среднего чека — ${r(m24)} у покупателей с 2–4 заказами (${s(d.median24)}) и ${r(m5)} у покупателей с 5 и более заказами (${s(d.median5)}) против ${r(m1)} у покупателей с одним заказом; средние — ${r(a24)} (${s(d.mean24)}) и ${r(a5)} (${s(d.mean5)}) против ${r(a1)} (критерий Манна — Уитни, ${pv}).`;
    };
    return statement(
      id,
      { en: text("en"), ru: text("ru") },
      {
        direction: higher ? "higher" : "lower",
        median_avg_revenue_1: m1,
        median_avg_revenue_2_4: m24,
        median_avg_revenue_5plus: m5,
        mean_avg_revenue_1: a1,
        mean_avg_revenue_2_4: a24,
        mean_avg_revenue_5plus: a5,
        median_difference_2_4: d.median24,
        median_difference_5plus: d.median5,
        mean_difference_2_4: d.mean24,
        mean_difference_5plus: d.mean5,
        u1: mw.u1,
        n1: mw.n1,
        n2: mw.n2,
        p_value: p,
      },
    );
  },
};
