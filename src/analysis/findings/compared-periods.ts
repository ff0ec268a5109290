import { formatDate, formatMoney, formatP, formatPercent } from "../../text/format.js";
import { dimensionLabel } from "../../text/labels.js";
import type { Lang } from "../../text/lang.js";
import { joinList } from "../../text/phrases.js";
import type { Statement } from "../results.js";
import { currencyOf } from "./currency-of.js";
import { largeEnough, MIN_LIFT, relativeDifference } from "./effect-size.js";
import type { Rule } from "./rule.js";
import { statement } from "./statement.js";

const id = "compared_periods";
const WINDOWS = ["90", "60", "30"] as const;

/**
 * Finding (§12): what differs between the customers first acquired in two periods, when a
 * difference is significant and large enough (§9): repeat within N days (the longest window
 * whose z-test has p < 0.05 and whose shares differ by a ratio of at least 1.1), the first
 * order's check (Mann–Whitney p < 0.05, medians and means 20% apart in the same direction) and
 * the entry-point mix (χ² p < 0.05). Silent when two periods were not compared or nothing differs.
 */
export const comparedPeriods: Rule = {
  id,
  kind: "finding",
  apply(results) {
    const c = results.comparison;
    if (!c) return null;
    const repeat = WINDOWS.map((n) => [n, c.repeat_within[n]] as const).find(([, r]) => {
      const [a, b] = r.share;
      if (r.p_value === null || !(r.p_value < 0.05) || !a || !b) return false;
      return b / a >= MIN_LIFT || a / b >= MIN_LIFT;
    });
    const check = c.first_order_check;
    const [mean1, mean2] = check.mean;
    const [median1, median2] = check.median;
    const direction = (median2 ?? 0) > (median1 ?? 0) ? 1 : -1;
    const checkDiffers =
      check.mann_whitney.p_value !== null &&
      check.mann_whitney.p_value < 0.05 &&
      largeEnough(
        [relativeDifference(median2, median1), relativeDifference(mean2, mean1)],
        direction,
      );
    const mixes = Object.entries(c.entry_mix).filter(
      ([, m]) => m.chi2?.p_value !== null && m.chi2?.p_value !== undefined && m.chi2.p_value < 0.05,
    );
    if (!repeat && !checkDiffers && mixes.length === 0) return null;
    const money = currencyOf(results);
    const [a, b] = c.periods;
    const text = (lang: Lang) => {
      const parts: string[] = [];
      if (repeat) {
        const [n, r] = repeat;
        const [s1, s2] = r.share.map((s) => formatPercent(s ?? 0, lang));
        parts.push(
          lang === "en"
            ? `${s2} bought again within ${n} days against ${s1} (${formatP(r.p_value ?? 1, lang)})`
            : `${s2} купили снова в течение ${n} дней против ${s1} (${formatP(r.p_value ?? 1, lang)})`,
        );
      }
      if (checkDiffers) {
        const [m1, m2] = [median1 ?? 0, median2 ?? 0].map((x) => formatMoney(x, lang, money));
        parts.push(
          lang === "en"
            ? `the median first order was ${m2} against ${m1} (Mann–Whitney, ${formatP(check.mann_whitney.p_value ?? 1, lang)})`
            : `медианный первый заказ — ${m2} против ${m1} (критерий Манна — Уитни, ${formatP(check.mann_whitney.p_value ?? 1, lang)})`,
        );
      }
      if (mixes.length) {
        const names = joinList(
          mixes.map(([d]) => dimensionLabel(d, lang)),
          lang,
        );
        parts.push(
          lang === "en"
            ? `the mix of ${names} of the first orders differs (χ², p < 0.05)`
            : `различается состав первых заказов по признакам: ${names} (χ², p < 0,05)`,
        );
      }
      const [from1, to1, from2, to2] = [a.from, a.to, b.from, b.to].map((d) => formatDate(d, lang));
      return lang === "en"
        ? `Customers first acquired from ${from2} to ${to2} differ from those of ${from1} to ${to1}: ${joinList(parts, lang)}.`
        : `Покупатели, впервые купившие с ${from2} по ${to2}, отличаются от пришедших с ${from1} по ${to1}: ${joinList(parts, lang)}.`;
    };
    const figures: Statement["figures"] = {
      first_period: `${a.from}..${a.to}`,
      second_period: `${b.from}..${b.to}`,
      users_first: a.users,
      users_second: b.users,
    };
    if (repeat) {
      const [n, r] = repeat;
      Object.assign(figures, {
        window_days: Number(n),
        share_first: r.share[0],
        share_second: r.share[1],
        repeat_p_value: r.p_value,
      });
    }
    if (checkDiffers) {
      Object.assign(figures, {
        median_check_first: median1,
        median_check_second: median2,
        check_p_value: check.mann_whitney.p_value,
      });
    }
    return statement(id, { en: text("en"), ru: text("ru") }, figures);
  },
};
