import { formatP, formatPercent } from "../../text/format.js";
import type { Lang } from "../../text/lang.js";
import { joinList, quote } from "../../text/phrases.js";
import type { Statement } from "../results.js";
import { successfulValues } from "./entry-values.js";
import type { Rule } from "./rule.js";
import { statement } from "./statement.js";

const id = "market_successful_regions";
const SHOWN = 5;

/**
 * Recommendation: market in the regions whose first orders return significantly more often (the
 * successful values of first_region with a lift of at least MIN_LIFT, top 5 by lift); holds
 * when there is at least one.
 */
export const marketRegions: Rule = {
  id,
  kind: "recommendation",
  apply(results) {
    const overall = results.entry_points.overall_repeat_rate;
    const all = successfulValues(results, ["first_region"]);
    const shown = all.slice(0, SHOWN);
    if (overall === null || shown.length === 0) return null;
    const text = (lang: Lang) => {
      const items = joinList(
        shown.map(
          (v) =>
            `${quote(v.value, lang)} (${formatPercent(v.repeat_rate, lang)}, ${formatP(v.q_value ?? 0, lang, "q")})`,
        ),
        lang,
      );
      const o = formatPercent(overall, lang);
      return lang === "en"
        ? `Market in the regions where customers return significantly more often than average (${o}): ${items}.`
        : `Усильте маркетинг в регионах, где покупатели возвращаются значимо чаще среднего (${o}): ${items}.`;
    };
    const figures: Statement["figures"] = { overall_repeat_rate: overall, regions: all.length };
    shown.forEach((v, i) => {
      const k = `region_${i + 1}`;
      Object.assign(figures, {
        [k]: v.value,
        [`${k}_users`]: v.users,
        [`${k}_repeat_rate`]: v.repeat_rate,
        [`${k}_q_value`]: v.q_value,
      });
    });
    return statement(id, { en: text("en"), ru: text("ru") }, figures);
  },
};
