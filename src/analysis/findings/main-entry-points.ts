import { formatPercent } from "../../text/format.js";
import { dimensionLabel } from "../../text/labels.js";
import type { Lang } from "../../text/lang.js";
import { quote } from "../../text/phrases.js";
import type { Statement } from "../results.js";
import { isNamedValue } from "./entry-values.js";
import type { Rule } from "./rule.js";
import { statement } from "./statement.js";

const id = "main_entry_points";
const DIMENSIONS = ["first_event_type", "first_device", "first_region"];

/**
 * Finding: the most common first event type, device and region, each the popular value with the
 * largest share of users (never `other`/`unknown`); holds when at least one dimension has one.
 */
export const mainEntryPoints: Rule = {
  id,
  kind: "finding",
  apply(results) {
    const tops = DIMENSIONS.flatMap((dimension) => {
      const values = results.entry_points.dimensions[dimension]?.values ?? [];
      const top = values
        .filter((v) => v.popular && isNamedValue(v))
        .sort((a, b) => b.share_of_users - a.share_of_users || a.value.localeCompare(b.value))[0];
      return top ? [{ dimension, value: top.value, share: top.share_of_users }] : [];
    });
    if (tops.length === 0) return null;
    const text = (lang: Lang) => {
      const items = tops.map(
        (t) =>
          `${dimensionLabel(t.dimension, lang)} ${quote(t.value, lang)} (${formatPercent(t.share, lang)})`,
      );
      return lang === "en"
        ? `The most common first orders (share of customers): ${items.join(", ")}.`
        : `Самые частые первые заказы (доля покупателей): ${items.join(", ")}.`;
    };
    const figures: Statement["figures"] = {};
    for (const t of tops) {
      figures[t.dimension] = t.value;
      figures[`${t.dimension}_share`] = t.share;
    }
    return statement(id, { en: text("en"), ru: text("ru") }, figures);
  },
};
