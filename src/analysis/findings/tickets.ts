import { twoProportionZTest } from "../../stats/index.js";
import { formatDecimal, formatP, formatPercent } from "../../text/format.js";
import type { Lang } from "../../text/lang.js";
import { MIN_LIFT } from "./effect-size.js";
import type { Rule } from "./rule.js";
import { statement } from "./statement.js";

const id = "tickets";
const MIN_SHARE = 0.01;

/** How customers in an avg_tickets_count bin `[a,b)` buy, as a clause. */
function binPhrase(bin: string, lang: Lang): string {
  const m = /^\[(\d+(?:\.\d+)?),(\d+(?:\.\d+)?|inf)\)$/.exec(bin);
  if (!m?.[1] || !m[2]) {
    return lang === "en"
      ? `whose average tickets per order fall in ${bin}`
      : `у которых среднее число билетов на заказ в интервале ${bin}`;
  }
  const num = (x: string) => formatDecimal(Number(x), Number.isInteger(Number(x)) ? 0 : 1, lang);
  const lo = num(m[1]);
  if (m[2] === "inf") {
    return lang === "en"
      ? `who buy on average ${lo} or more tickets per order`
      : `которые берут в среднем ${lo} и больше билетов на заказ`;
  }
  const hi = num(m[2]);
  return lang === "en"
    ? `who buy on average at least ${lo} but fewer than ${hi} tickets per order`
    : `которые берут в среднем не меньше ${lo}, но меньше ${hi} билетов на заказ`;
}

/**
 * Finding: among avg_tickets_count bins with ≥ 1% of users, the one with the highest repeat rate
 * (the first in bin order on a tie); holds when at least two bins qualify, its rate differs
 * from the other customers' (two-proportion z-test, p < 0.05) and its lift over the overall
 * rate is at least MIN_LIFT.
 */
export const tickets: Rule = {
  id,
  kind: "finding",
  apply(results) {
    const overall = results.repeat.share_2plus;
    const eligible = results.revenue.tickets_bins.filter(
      (b) => b.share_of_users >= MIN_SHARE && b.repeat_rate !== null,
    );
    if (overall === null || !(overall > 0) || eligible.length < 2) return null;
    const best = eligible.reduce((a, b) => ((b.repeat_rate ?? 0) > (a.repeat_rate ?? 0) ? b : a));
    const rate = best.repeat_rate ?? 0;
    const lift = rate / overall;
    const users = results.revenue.tickets_bins.reduce((n, b) => n + b.users, 0);
    const repeaters = Math.round(users * overall);
    const own = Math.round(best.users * rate);
    const { pValue } = twoProportionZTest(own, best.users, repeaters - own, users - best.users);
    if (!(pValue < 0.05) || lift < MIN_LIFT) return null;
    const text = (lang: Lang) => {
      const [r, o, s] = [rate, overall, best.share_of_users].map((x) => formatPercent(x, lang));
      const [l, pv] = [formatDecimal(lift, 2, lang), formatP(pValue, lang)];
      return lang === "en"
        ? `Customers ${binPhrase(best.bin, lang)} return most often: ${r} of them made a second order, ${l} times the overall ${o} (z-test, ${pv}); they are ${s} of customers.`
        : `Чаще всего возвращаются покупатели, ${binPhrase(best.bin, lang)}: ${r} из них сделали повторный заказ — в ${l} раза больше, чем в среднем (${o}; z-тест, ${pv}); это ${s} покупателей.`;
    };
    return statement(
      id,
      { en: text("en"), ru: text("ru") },
      {
        bin: best.bin,
        users: best.users,
        share_of_users: best.share_of_users,
        repeat_rate: rate,
        overall_repeat_rate: overall,
        lift,
        p_value: pValue,
      },
    );
  },
};
