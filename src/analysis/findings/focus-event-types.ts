import { formatCount, formatPercent } from "../../text/format.js";
import type { Lang } from "../../text/lang.js";
import { joinList, quote } from "../../text/phrases.js";
import { pluralRu } from "../../text/plural-ru.js";
import type { Statement } from "../results.js";
import { isClearlyAbove, isNamedValue, repeatersOf } from "./entry-values.js";
import type { Rule } from "./rule.js";
import { statement } from "./statement.js";

const id = "focus_event_types";
const TOP = 3;

/**
 * Recommendation: focus acquisition on the first-order event types that bring the most repeat
 * customers (users × repeat rate, top 3, other/unknown excluded); holds when the event type is
 * known, at least two named types exist and some of them brought repeaters.
 */
export const focusEventTypes: Rule = {
  id,
  kind: "recommendation",
  apply(results) {
    const seg = results.repeat.segments;
    const total = seg["2-4"].users + seg["5+"].users;
    const named = (results.entry_points.dimensions.first_event_type?.values ?? []).filter(
      isNamedValue,
    );
    const top = named
      .map((v) => ({ ...v, repeaters: repeatersOf(v) }))
      .filter((v) => v.repeaters > 0)
      .sort((a, b) => b.repeaters - a.repeaters || a.value.localeCompare(b.value))
      .slice(0, TOP);
    if (named.length < 2 || top.length === 0 || total === 0) return null;
    const text = (lang: Lang) => {
      const items = top.map((v) => {
        const [n, share, rate] = [
          formatCount(v.repeaters, lang),
          formatPercent(v.repeaters / total, lang),
          formatPercent(v.repeat_rate, lang),
        ];
        if (lang === "en") {
          const who = v.repeaters === 1 ? "repeat customer" : "repeat customers";
          const flag = isClearlyAbove(v) ? ", significantly above average" : "";
          return `${quote(v.value, lang)} (${n} ${who}, ${share} of all; repeat rate ${rate}${flag})`;
        }
        const who = pluralRu(v.repeaters, [
          "повторный покупатель",
          "повторных покупателя",
          "повторных покупателей",
        ]);
        const flag = isClearlyAbove(v) ? ", значимо выше среднего" : "";
        return `${quote(v.value, lang)} (${n} ${who}, ${share} от всех; возвращаются ${rate}${flag})`;
      });
      return lang === "en"
        ? `Focus acquisition on the event types whose first orders bring the most repeat customers: ${joinList(items, lang)}.`
        : `Сосредоточьте привлечение на типах мероприятий, первые заказы на которые приносят больше всего повторных покупателей: ${joinList(items, lang)}.`;
    };
    const figures: Statement["figures"] = { repeaters: total };
    top.forEach((v, i) => {
      const k = `event_type_${i + 1}`;
      Object.assign(figures, {
        [k]: v.value,
        [`${k}_repeaters`]: v.repeaters,
        [`${k}_share_of_repeaters`]: v.repeaters / total,
        [`${k}_repeat_rate`]: v.repeat_rate,
        [`${k}_q_value`]: v.q_value,
      });
    });
    return statement(id, { en: text("en"), ru: text("ru") }, figures);
  },
};
