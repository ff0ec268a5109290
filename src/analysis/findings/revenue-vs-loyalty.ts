import type { Lang } from "./format.js";
import { formatP, formatRoubles } from "./format.js";
import type { Rule } from "./rule.js";
import { statement } from "./statement.js";

const id = "revenue_vs_loyalty";

/**
 * Finding: the average check differs between one-order customers and repeaters (Mann–Whitney on
 * avg_revenue_rub, `1` vs `2+`, p < 0.05). The direction is the test's own (U1 below n1·n2/2:
 * the first group, one-order customers, ranks lower), and the rule speaks only when the median
 * avg check of both `2-4` and `5+` lies on that same side of the median of `1`.
 */
export const revenueVsLoyalty: Rule = {
  id,
  kind: "finding",
  describe:
    "Mann–Whitney of avg check, 1 vs 2+, p < 0.05, and the medians of 2-4 and 5+ both above " +
    "(or both below) that of 1, in the direction the test shows.",
  apply(results) {
    const { mann_whitney: mw } = results.revenue.avg_revenue_comparisons["1_vs_2plus"];
    const seg = results.revenue.segments;
    const m1 = seg["1"].median_avg_revenue_rub;
    const m24 = seg["2-4"].median_avg_revenue_rub;
    const m5 = seg["5+"].median_avg_revenue_rub;
    const p = mw.p_value;
    if (p === null || !(p < 0.05) || mw.n1 === 0 || mw.n2 === 0) return null;
    if (m1 === null || m24 === null || m5 === null) return null;
    const half = (mw.n1 * mw.n2) / 2;
    if (mw.u1 === half) return null;
    const higher = mw.u1 < half;
    const agrees = higher ? m24 > m1 && m5 > m1 : m24 < m1 && m5 < m1;
    if (!agrees) return null;
    const text = (lang: Lang) => {
      const [r1, r24, r5] = [m1, m24, m5].map((m) => formatRoubles(m, lang));
      const pv = formatP(p, lang);
      if (lang === "en") {
        return `Repeat customers spend ${higher ? "more" : "less"} per order: the median average check is ${r24} for customers with 2–4 orders and ${r5} with 5 or more, against ${r1} for one-order customers (Mann–Whitney, ${pv}).`;
      }
      return `Покупатели с повторными заказами тратят на заказ ${higher ? "больше" : "меньше"}: медианный средний чек — ${r24} у покупателей с 2–4 заказами и ${r5} у покупателей с 5 и более заказами против ${r1} у покупателей с одним заказом (критерий Манна — Уитни, ${pv}).`;
    };
    return statement(
      id,
      { en: text("en"), ru: text("ru") },
      {
        direction: higher ? "higher" : "lower",
        median_avg_revenue_1: m1,
        median_avg_revenue_2_4: m24,
        median_avg_revenue_5plus: m5,
        u1: mw.u1,
        n1: mw.n1,
        n2: mw.n2,
        p_value: p,
      },
    );
  },
};
