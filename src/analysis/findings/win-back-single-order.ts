import { formatCount, formatMoney, formatPercent } from "../../text/format.js";
import type { Lang } from "../../text/lang.js";
import { currencyOf } from "./currency-of.js";
import { profileTops, topsFigures, topsPhrase } from "./profile-tops.js";
import type { Rule } from "./rule.js";
import { statement } from "./statement.js";

const id = "win_back_single_order";

/**
 * Recommendation: win back one-order customers with personal offers, sized and profiled from the
 * profile of segment `1` (users, share, avg check, top first event type / device / region);
 * holds when that segment has users.
 */
export const winBackSingleOrder: Rule = {
  id,
  kind: "recommendation",
  apply(results) {
    const profile = results.segments.find((s) => s.segment === "1");
    if (!profile || profile.users === 0 || profile.share_of_users === null) return null;
    const share = profile.share_of_users;
    const check = profile.mean_avg_revenue_rub;
    const tops = profileTops(profile);
    const text = (lang: Lang) => {
      const [n, s] = [formatCount(profile.users, lang), formatPercent(share, lang)];
      const typical = tops.length ? topsPhrase(tops, lang) : null;
      if (lang === "en") {
        const c =
          check === null
            ? ""
            : `, with an average check of ${formatMoney(check, lang, currencyOf(results))}`;
        const t = typical ? `; their first order was most often: ${typical}` : "";
        return `Win back one-order customers with personal offers: there are ${n} of them (${s} of all customers)${c}${t}.`;
      }
      const c =
        check === null ? "" : `, средний чек — ${formatMoney(check, lang, currencyOf(results))}`;
      const t = typical ? `; чаще всего в первом заказе у них: ${typical}` : "";
      return `Возвращайте покупателей с одним заказом персональными предложениями: их ${n} (${s} всех покупателей)${c}${t}.`;
    };
    return statement(
      id,
      { en: text("en"), ru: text("ru") },
      {
        users: profile.users,
        share_of_users: share,
        mean_avg_revenue_rub: check,
        ...topsFigures(tops),
      },
    );
  },
};
