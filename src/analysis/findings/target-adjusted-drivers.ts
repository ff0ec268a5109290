import type { Lang } from "../../text/lang.js";
import { joinList } from "../../text/phrases.js";
import type { Statement } from "../results.js";
import { valueName } from "./adjusted-drivers.js";
import { adjustedDrivers } from "./adjusted-values.js";
import type { Rule } from "./rule.js";
import { statement } from "./statement.js";

const id = "target_adjusted_drivers";
const SHOWN = 3;

/**
 * Recommendation (§13): spend acquisition on the first-order attributes that raise the odds of
 * coming back with the others held fixed (the top 3 by odds ratio) before values that look good
 * only one dimension at a time. Holds when one raises them.
 */
export const targetAdjustedDrivers: Rule = {
  id,
  kind: "recommendation",
  apply(results) {
    const { raising } = adjustedDrivers(results);
    if (raising.length === 0) return null;
    const shown = raising.slice(0, SHOWN);
    const text = (lang: Lang) => {
      const good = joinList(
        shown.map((v) => valueName(v, lang)),
        lang,
      );
      return lang === "en"
        ? `Put acquisition budget behind the first orders that bring customers back with everything else equal: ${good}; judge values that look good only one attribute at a time (see the adjusted effects) after these.`
        : `Вкладывайте бюджет привлечения прежде всего в первые заказы, которые возвращают покупателей при прочих равных: ${good}; значения, хорошие лишь при взгляде на один атрибут (см. скорректированные эффекты), — во вторую очередь.`;
    };
    const figures: Statement["figures"] = {};
    shown.forEach((v, i) => {
      figures[`value_${i + 1}`] = `${v.dimension}=${v.value}`;
      figures[`value_${i + 1}_odds_ratio`] = v.odds_ratio;
    });
    return statement(id, { en: text("en"), ru: text("ru") }, figures);
  },
};
