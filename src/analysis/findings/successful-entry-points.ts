import { formatDecimal, formatP, formatPercent } from "../../text/format.js";
import { dimensionLabel } from "../../text/labels.js";
import type { Lang } from "../../text/lang.js";
import { quote } from "../../text/phrases.js";
import type { Statement } from "../results.js";
import { successfulValues } from "./entry-values.js";
import type { Rule } from "./rule.js";
import { statement } from "./statement.js";

const id = "successful_entry_points";
const SHOWN = 5;

/**
 * Finding: the successful entry points of §4 (≥ 1% of users, q < 0.05, repeat rate above the
 * overall one) of every dimension whose lift is at least MIN_LIFT, by lift; holds when there is
 * at least one.
 */
export const successfulEntryPoints: Rule = {
  id,
  kind: "finding",
  apply(results) {
    const overall = results.entry_points.overall_repeat_rate;
    const all = successfulValues(results);
    const shown = all.slice(0, SHOWN);
    if (overall === null || shown.length === 0) return null;
    const text = (lang: Lang) => {
      const items = shown.map((v) => {
        const name = `${dimensionLabel(v.dimension, lang)} ${quote(v.value, lang)}`;
        const rate = formatPercent(v.repeat_rate, lang);
        const lift = formatDecimal(v.lift ?? 0, 2, lang);
        const q = formatP(v.q_value ?? 0, lang, "q");
        return lang === "en"
          ? `${name} — ${rate}, ${lift} times the average (${q})`
          : `${name} — ${rate}, в ${lift} раза выше среднего (${q})`;
      });
      const more = all.length > shown.length;
      if (lang === "en") {
        const tail = more
          ? ` Shown: the ${shown.length} of ${all.length} with the highest lift.`
          : "";
        return `Some first orders bring customers back significantly more often than average (overall repeat rate ${formatPercent(overall, lang)}): ${items.join("; ")}.${tail}`;
      }
      const tail = more
        ? ` Показаны ${shown.length} из ${all.length} с наибольшим превышением среднего.`
        : "";
      return `Некоторые первые заказы значимо чаще среднего приводят к повторным покупкам (в среднем возвращаются ${formatPercent(overall, lang)}): ${items.join("; ")}.${tail}`;
    };
    const figures: Statement["figures"] = {
      overall_repeat_rate: overall,
      successful_count: all.length,
    };
    shown.forEach((v, i) => {
      const k = `entry_${i + 1}`;
      Object.assign(figures, {
        [`${k}_dimension`]: v.dimension,
        [`${k}_value`]: v.value,
        [`${k}_users`]: v.users,
        [`${k}_repeat_rate`]: v.repeat_rate,
        [`${k}_lift`]: v.lift,
        [`${k}_q_value`]: v.q_value,
      });
    });
    return statement(id, { en: text("en"), ru: text("ru") }, figures);
  },
};
