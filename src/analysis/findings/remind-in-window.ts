import { formatDays } from "../../text/format.js";
import type { Lang } from "../../text/lang.js";
import { windowPhrase } from "../../text/phrases.js";
import { repeatWindowOf } from "./repeat-window-of.js";
import type { Rule } from "./rule.js";
import { statement } from "./statement.js";

const id = "remind_in_repeat_window";

/**
 * Recommendation: stimulate the second purchase inside the repeat window [p25, p75] of
 * days_to_second_order; holds whenever there are repeaters.
 */
export const remindInWindow: Rule = {
  id,
  kind: "recommendation",
  apply(results) {
    const w = repeatWindowOf(results);
    if (w === null) return null;
    const text = (lang: Lang) => {
      const when = windowPhrase(w.lo, w.hi, lang);
      const median = w.median === null ? null : formatDays(w.median, lang);
      if (lang === "en") {
        const tail = median === null ? "" : `; median ${median}`;
        return `Stimulate the second purchase inside the repeat window: send a reminder or a personal offer ${when}, when half of all second orders are placed (25th to 75th percentile${tail}).`;
      }
      const tail = median === null ? "" : `; медиана — ${median}`;
      return `Стимулируйте второй заказ в окне повторной покупки: отправляйте напоминание или персональное предложение ${when} — на этот срок приходится половина вторых заказов (от 25-го до 75-го процентиля${tail}).`;
    };
    return statement(
      id,
      { en: text("en"), ru: text("ru") },
      { window_lo: w.lo, window_hi: w.hi, median_days: w.median },
    );
  },
};
