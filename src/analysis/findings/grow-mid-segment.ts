import type { SegmentProfile } from "../results.js";
import type { Lang } from "./format.js";
import {
  digitsToDistinguish,
  formatCount,
  formatDays,
  formatDecimal,
  formatPercent,
  formatRoubles,
} from "./format.js";
import { joinList } from "./phrases.js";
import { pluralRu } from "./plural-ru.js";
import type { Rule } from "./rule.js";
import { statement } from "./statement.js";

const id = "grow_2_4_into_5plus";

type Metric = "mean_avg_days_since_prev" | "mean_avg_revenue_rub" | "mean_avg_tickets_count";
const METRICS: Metric[] = [
  "mean_avg_days_since_prev",
  "mean_avg_revenue_rub",
  "mean_avg_tickets_count",
];

/** How 5+ compares with 2-4 on one metric, as a noun phrase; x is 5+, y is 2-4. */
function clause(metric: Metric, x: number, y: number, lang: Lang): string {
  if (metric === "mean_avg_days_since_prev") {
    const d = digitsToDistinguish(x, y);
    const [a, b] = [formatDays(x, lang, d), formatDays(y, lang, d)];
    return lang === "en"
      ? `an average interval between orders of ${a} (2–4: ${b})`
      : `средний интервал между заказами — ${a} (в сегменте 2–4 — ${b})`;
  }
  if (metric === "mean_avg_revenue_rub") {
    const [a, b] = [formatRoubles(x, lang), formatRoubles(y, lang)];
    return lang === "en"
      ? `an average check of ${a} (2–4: ${b})`
      : `средний чек — ${a} (в сегменте 2–4 — ${b})`;
  }
  const [a, b] = [formatDecimal(x, 1, lang), formatDecimal(y, 1, lang)];
  const tickets = pluralRu(Number(x.toFixed(1)), ["билет", "билета", "билетов"]);
  return lang === "en"
    ? `${a} tickets per order (2–4: ${b})`
    : `в среднем ${a} ${tickets} на заказ (в сегменте 2–4 — ${b})`;
}

/**
 * Recommendation: grow the `2-4` segment into `5+`, sized from the `2-4` profile and showing how
 * `5+` differs in interval, avg check and tickets; holds when both segments have users and at
 * least one of those metrics is known for both.
 */
export const growMidSegment: Rule = {
  id,
  kind: "recommendation",
  describe:
    "When 2-4 and 5+ both have users: the size of 2-4 and how 5+ differs in interval, check and tickets.",
  apply(results) {
    const find = (s: string) => results.segments.find((p) => p.segment === s);
    const [mid, top] = [find("2-4"), find("5+")];
    if (!mid || !top || mid.users === 0 || top.users === 0 || mid.share_of_users === null)
      return null;
    const share = mid.share_of_users;
    const known = METRICS.filter((m) => top[m] !== null && mid[m] !== null);
    if (known.length === 0) return null;
    const value = (p: SegmentProfile, m: Metric) => p[m] ?? 0;
    const text = (lang: Lang) => {
      const [n, s] = [formatCount(mid.users, lang), formatPercent(share, lang)];
      const diffs = joinList(
        known.map((m) => clause(m, value(top, m), value(mid, m), lang)),
        lang,
      );
      return lang === "en"
        ? `Help customers with 2–4 orders grow to 5 or more: there are ${n} of them (${s} of all customers). Customers with 5 or more orders have ${diffs}.`
        : `Помогайте покупателям с 2–4 заказами дорасти до 5 и более заказов: таких покупателей — ${n} (${s} всех покупателей). У покупателей с 5 и более заказами ${diffs}.`;
    };
    const figures = Object.fromEntries([
      ["users_2_4", mid.users],
      ["share_2_4", share],
      ["users_5plus", top.users],
      ...known.flatMap((m) => [
        [`${m}_5plus`, top[m]],
        [`${m}_2_4`, mid[m]],
      ]),
    ]);
    return statement(id, { en: text("en"), ru: text("ru") }, figures);
  },
};
