import { formatDecimal } from "../../text/format.js";
import { featureLabel } from "../../text/labels.js";
import type { Lang } from "../../text/lang.js";
import { joinList } from "../../text/phrases.js";
import type { Statement } from "../results.js";
import type { Rule } from "./rule.js";
import { statement } from "./statement.js";

const id = "order_count_correlates";
const TOP = 3;

/**
 * Finding: the features most associated with total_orders, the top 3 by |φK| (ties by name);
 * holds when the correlation section exists and at least one φK is defined.
 */
export const orderCountCorrelates: Rule = {
  id,
  kind: "finding",
  apply(results) {
    if (results.correlation === null) return null;
    const top = results.correlation.phik.with_total_orders
      .flatMap((r) =>
        r.phik === null || r.feature === "total_orders" ? [] : [{ ...r, phik: r.phik }],
      )
      .sort((a, b) => Math.abs(b.phik) - Math.abs(a.phik) || a.feature.localeCompare(b.feature))
      .slice(0, TOP);
    if (top.length === 0) return null;
    const text = (lang: Lang) => {
      const items = joinList(
        top.map((r) => `${featureLabel(r.feature, lang)} (${formatDecimal(r.phik, 2, lang)})`),
        lang,
      );
      return lang === "en"
        ? `The number of orders goes most closely with (by φK; an association, not a cause): ${items}.`
        : `Сильнее всего с числом заказов связаны (по коэффициенту φK; это связь, а не причина): ${items}.`;
    };
    const figures: Statement["figures"] = {};
    top.forEach((r, i) => {
      figures[`feature_${i + 1}`] = r.feature;
      figures[`phik_${i + 1}`] = r.phik;
    });
    return statement(id, { en: text("en"), ru: text("ru") }, figures);
  },
};
