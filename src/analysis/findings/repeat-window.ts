import { formatDays } from "../../text/format.js";
import type { Lang } from "../../text/lang.js";
import { windowPhrase } from "../../text/phrases.js";
import { repeatWindowOf } from "./repeat-window-of.js";
import type { Rule } from "./rule.js";
import { statement } from "./statement.js";

const id = "repeat_window";

/**
 * Finding: the repeat window [p25, p75] of days_to_second_order (§7), with the median; holds
 * whenever there are repeaters. The share of second orders inside the window is not derivable
 * exactly from the results, so it is described as the half between the quartiles by definition.
 */
export const repeatWindow: Rule = {
  id,
  kind: "finding",
  apply(results) {
    const w = repeatWindowOf(results);
    if (w === null) return null;
    const text = (lang: Lang) => {
      const when = windowPhrase(w.lo, w.hi, lang);
      const median = w.median === null ? null : formatDays(w.median, lang);
      if (lang === "en") {
        const tail = median === null ? "" : `; the median is ${median}`;
        return `Second orders are typically placed ${when}: this window holds half of all second orders (from the 25th to the 75th percentile of the days to a second order)${tail}.`;
      }
      const tail = median === null ? "" : `; медиана — ${median}`;
      return `Второй заказ обычно делают ${when}: на этот промежуток приходится половина вторых заказов (от 25-го до 75-го процентиля срока до второго заказа)${tail}.`;
    };
    return statement(
      id,
      { en: text("en"), ru: text("ru") },
      { window_lo: w.lo, window_hi: w.hi, median_days: w.median, repeaters: w.users },
    );
  },
};
