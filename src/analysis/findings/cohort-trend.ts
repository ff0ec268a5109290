import { formatCohort } from "../../text/cohort-label.js";
import { formatDecimal, formatP, formatPercent } from "../../text/format.js";
import type { Lang } from "../../text/lang.js";
import { holdsWithoutFilter } from "../../text/trend-holds.js";
import type { Rule } from "./rule.js";
import { statement } from "./statement.js";

const id = "cohort_trend";

/** The longest window first: the more follow-up, the more a trend says about coming back. */
const WINDOWS = ["90", "60", "30"] as const;

/**
 * Finding (§12): repeat purchasing is getting better or worse across acquisition cohorts, when
 * the Cochran–Armitage test of a window's repeat share gives q < 0.05 (Benjamini–Hochberg over
 * the three windows); the longest such window is stated, with the first and last eligible
 * cohorts' shares. Silent when no window shows a trend, or when the trend does not hold
 * (p < 0.05, same direction) over the population before the order-count filter.
 */
export const cohortTrend: Rule = {
  id,
  kind: "finding",
  apply(results) {
    const found = WINDOWS.map((n) => [n, results.trend[n]] as const).find(([, w]) => {
      return (
        w.q_value !== null &&
        w.q_value < 0.05 &&
        w.cochran_armitage &&
        w.change &&
        holdsWithoutFilter(w)
      );
    });
    if (!found) return null;
    const [days, window] = found;
    const test = window.cochran_armitage;
    const change = window.change;
    if (!test || !change) return null;
    const period = results.cohorts.period;
    const rising = test.z > 0;
    const q = window.q_value ?? 1;
    const text = (lang: Lang) => {
      const [first, last] = [change.first_share, change.last_share].map((s) =>
        formatPercent(s, lang),
      );
      const [from, to] = [change.from, change.to].map((c) => formatCohort(c, period, lang));
      const cohorts = window.cohorts.filter((c) => c.eligible_users > 0).length;
      const stat = `z = ${formatDecimal(test.z, 1, lang)}, ${formatP(q, lang, "q")}`;
      return lang === "en"
        ? `Repeat purchasing is getting ${rising ? "better" : "worse"}: the share of new customers who bought again within ${days} days went from ${first} (customers acquired ${from}) to ${last} (${to}) (Cochran–Armitage trend test across ${cohorts} cohorts, ${stat}).`
        : `Повторные покупки ${rising ? "растут" : "падают"}: доля новых покупателей, купивших снова в течение ${days} дней, ${rising ? "выросла" : "снизилась"} с ${first} (пришедшие ${from}) до ${last} (${to}) (тест Кохрана — Армитиджа на тренд по ${cohorts} когортам, ${stat}).`;
    };
    return statement(
      id,
      { en: text("en"), ru: text("ru") },
      {
        window_days: Number(days),
        first_cohort: change.from,
        last_cohort: change.to,
        first_share: change.first_share,
        last_share: change.last_share,
        z: test.z,
        q_value: q,
      },
    );
  },
};
