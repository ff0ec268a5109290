import { formatDecimal, formatPercent } from "../../text/format.js";
import { dimensionLabel } from "../../text/labels.js";
import type { Lang } from "../../text/lang.js";
import { joinList, quote } from "../../text/phrases.js";
import type { AdjustedValue } from "../adjusted-results.js";
import type { Statement } from "../results.js";
import { adjustedDrivers } from "./adjusted-values.js";
import type { Rule } from "./rule.js";
import { statement } from "./statement.js";

const id = "adjusted_drivers";
const SHOWN = 3;

/** "event type theatre" / «тип мероприятия «театр»». */
export const valueName = (v: AdjustedValue, lang: Lang) =>
  `${dimensionLabel(v.dimension, lang)} ${quote(v.value, lang)}`;

/** How much a value moves the odds: "raises the odds by 83% (odds ratio 1.83, 95% CI 1.59–2.10)". */
function effect(v: AdjustedValue, lang: Lang): string {
  const or = v.odds_ratio ?? 1;
  const change = formatPercent(Math.abs(or - 1), lang, 0);
  const ci = `${formatDecimal(v.ci_low ?? 0, 2, lang)}–${formatDecimal(v.ci_high ?? 0, 2, lang)}`;
  const ratio = formatDecimal(or, 2, lang);
  if (lang === "en") {
    return `${valueName(v, lang)} ${or > 1 ? "raises" : "lowers"} them by ${change} (odds ratio ${ratio}, 95% CI ${ci})`;
  }
  return `${valueName(v, lang)} ${or > 1 ? "повышает" : "снижает"} их на ${change} (отношение шансов ${ratio}, 95% ДИ ${ci})`;
}

/**
 * Finding (§13): the first-order attributes that change the odds of a second order within N days
 * with the others held fixed (adjusted p < 0.05 in a dimension with q < 0.05), the strongest
 * raising and lowering ones; and the values that look strong one dimension at a time but not
 * once the others are held fixed. Holds when there is at least one such attribute.
 */
export const adjustedDriversFinding: Rule = {
  id,
  kind: "finding",
  apply(results) {
    const model = results.adjusted_effects;
    const { raising, lowering, explainedAway } = adjustedDrivers(results);
    if (!model || raising.length + lowering.length === 0) return null;
    const shown = [...raising.slice(0, SHOWN), ...lowering.slice(0, 2)];
    const away = explainedAway.slice(0, 3);
    const days = model.outcome_days;
    const text = (lang: Lang) => {
      const effects = joinList(
        shown.map((v) => effect(v, lang)),
        lang,
      );
      const names = joinList(
        away.map((v) => valueName(v, lang)),
        lang,
      );
      if (lang === "en") {
        const lead = `Holding the other first-order attributes fixed, these change the odds of a second order within ${days} days: ${effects}.`;
        return away.length
          ? `${lead} One attribute at a time, ${names} also ${away.length > 1 ? "seem" : "seems"} to matter, but with the others held fixed ${away.length > 1 ? "their own effects are" : "its own effect is"} not significant: what ${away.length > 1 ? "their" : "its"} customers share with others explains it, or the data cannot tell them apart.`
          : lead;
      }
      const lead = `При прочих равных атрибутах первого заказа шансы на второй заказ в течение ${days} дней меняют: ${effects}.`;
      return away.length
        ? `${lead} Если смотреть на атрибуты по одному, влияние видно и у значений ${names}, но при прочих равных их собственное влияние незначимо: его объясняют другие общие атрибуты их покупателей, или данные не позволяют их различить.`
        : lead;
    };
    const figures: Statement["figures"] = { outcome_days: days };
    shown.forEach((v, i) => {
      Object.assign(figures, {
        [`value_${i + 1}`]: `${v.dimension}=${v.value}`,
        [`value_${i + 1}_odds_ratio`]: v.odds_ratio,
        [`value_${i + 1}_p_value`]: v.p_value,
      });
    });
    away.forEach((v, i) => {
      figures[`confounded_${i + 1}`] = `${v.dimension}=${v.value}`;
    });
    return statement(id, { en: text("en"), ru: text("ru") }, figures);
  },
};
