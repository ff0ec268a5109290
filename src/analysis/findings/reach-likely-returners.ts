import { formatCount, formatDays, formatDecimal, formatPercent } from "../../text/format.js";
import type { Lang } from "../../text/lang.js";
import type { Rule } from "./rule.js";
import { statement } from "./statement.js";

const id = "reach_likely_returners";

/**
 * Recommendation: among one-order customers, start with those the MBG/NBD model still sees as
 * active (P(alive) ≥ 0.5); holds when there are such customers.
 */
export const reachLikelyReturners: Rule = {
  id,
  kind: "recommendation",
  apply(results) {
    const single = results.prediction?.single_order_buyers;
    const horizon = results.prediction?.horizon_days;
    if (!single || horizon === undefined || single.likely_alive === 0 || single.users === 0) {
      return null;
    }
    const share = single.likely_alive / single.users;
    const perUser = single.expected_orders_per_user;
    const text = (lang: Lang) => {
      const [n, of, s] = [
        formatCount(single.likely_alive, lang),
        formatCount(single.users, lang),
        formatPercent(share, lang),
      ];
      const days = formatDays(horizon, lang);
      if (lang === "en") {
        const e =
          perUser === null
            ? ""
            : `; one-order customers as a whole are expected to place ${formatDecimal(perUser, 2, lang)} orders each in the next ${days}`;
        return `Address first the one-order customers who still look active: for ${n} of ${of} (${s}) the model puts the chance that they are still buying at 50% or more${e}. The per-customer figures are in predictions.csv.`;
      }
      const e =
        perUser === null
          ? ""
          : `; в целом покупатель с одним заказом, по прогнозу, сделает ${formatDecimal(perUser, 2, lang)} заказа за ${days}`;
      return `Начните с покупателей с одним заказом, которые ещё выглядят активными: у ${n} из ${of} (${s}) вероятность, что они продолжают покупать, по модели — 50 % и выше${e}. Показатели по каждому покупателю — в predictions.csv.`;
    };
    return statement(
      id,
      { en: text("en"), ru: text("ru") },
      {
        likely_alive: single.likely_alive,
        single_order_buyers: single.users,
        share_likely_alive: share,
        expected_orders_per_user: perUser,
        file: "predictions.csv",
      },
    );
  },
};
