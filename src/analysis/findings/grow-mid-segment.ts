import type { CurrencyWords } from "../../model/currencies.js";
import {
  digitsToDistinguish,
  formatCount,
  formatDays,
  formatDecimal,
  formatMoney,
  formatPercent,
} from "../../text/format.js";
import { featureLabel } from "../../text/labels.js";
import type { Lang } from "../../text/lang.js";
import { joinList } from "../../text/phrases.js";
import { pluralRu } from "../../text/plural-ru.js";
import type { SegmentProfile } from "../results.js";
import { currencyOf } from "./currency-of.js";
import { MIN_RELATIVE_DIFFERENCE, relativeDifference } from "./effect-size.js";
import type { Rule } from "./rule.js";
import { statement } from "./statement.js";

const id = "grow_2_4_into_5plus";

type Metric = "mean_avg_days_since_prev" | "mean_avg_revenue_rub" | "mean_avg_tickets_count";
const METRICS: Metric[] = [
  "mean_avg_days_since_prev",
  "mean_avg_revenue_rub",
  "mean_avg_tickets_count",
];

/** A metric's value, formatted; x is 5+, y is 2-4. */
function values(
  metric: Metric,
  x: number,
  y: number,
  lang: Lang,
  c: CurrencyWords,
): [string, string] {
  if (metric === "mean_avg_days_since_prev") {
    const d = digitsToDistinguish(x, y);
    return [formatDays(x, lang, d), formatDays(y, lang, d)];
  }
  if (metric === "mean_avg_revenue_rub") return [formatMoney(x, lang, c), formatMoney(y, lang, c)];
  return [formatDecimal(x, 1, lang), formatDecimal(y, 1, lang)];
}

/** How 5+ differs from 2-4 on one metric, as a noun phrase; x is 5+, y is 2-4. */
function differs(metric: Metric, x: number, y: number, lang: Lang, c: CurrencyWords): string {
  const [a, b] = values(metric, x, y, lang, c);
  if (metric === "mean_avg_days_since_prev") {
    return lang === "en"
      ? `an average interval between orders of ${a} (2–4: ${b})`
      : `средний интервал между заказами — ${a} (в сегменте 2–4 — ${b})`;
  }
  if (metric === "mean_avg_revenue_rub") {
    return lang === "en"
      ? `an average check of ${a} (2–4: ${b})`
      : `средний чек — ${a} (в сегменте 2–4 — ${b})`;
  }
  const tickets = pluralRu(Number(x.toFixed(1)), ["билет", "билета", "билетов"]);
  return lang === "en"
    ? `${a} tickets per order (2–4: ${b})`
    : `в среднем ${a} ${tickets} на заказ (в сегменте 2–4 — ${b})`;
}

/**
 * A metric's name: the interval and the check as their features are called; the tickets as a
 * count per order, the way the sentence cites their values.
 */
function metricName(metric: Metric, lang: Lang): string {
  if (metric === "mean_avg_days_since_prev") return featureLabel("avg_days_since_prev", lang);
  if (metric === "mean_avg_revenue_rub") return featureLabel("avg_revenue_rub", lang);
  return lang === "en" ? "tickets per order" : "число билетов в заказе";
}

/** A metric on which 5+ and 2-4 are about the same, with both values: `average check (a against b)`. */
function same(metric: Metric, x: number, y: number, lang: Lang, c: CurrencyWords): string {
  const [a, b] = values(metric, x, y, lang, c);
  return lang === "en"
    ? `${metricName(metric, lang)} (${a} against ${b})`
    : `${metricName(metric, lang)} (${a} и ${b})`;
}

/**
 * How customers with 5+ orders compare with those with 2-4: the metrics that differ, then those
 * that are about the same (`alike` of them); either list may be empty, not both.
 */
function comparison(apart: string, alike: string, alikeCount: number, lang: Lang): string {
  if (lang === "en") {
    const who = "Customers with 5 or more orders have";
    if (!apart) return `${who} about the same ${alike}`;
    const rest = alike ? `; their ${alike} ${alikeCount > 1 ? "are" : "is"} about the same` : "";
    return `${who} ${apart}${rest}`;
  }
  const who = "У покупателей с 5 и более заказами";
  if (!apart) return `${who} почти те же показатели: ${alike}`;
  const rest = alike ? `; ${alike} почти не ${alikeCount > 1 ? "отличаются" : "отличается"}` : "";
  return `${who} ${apart}${rest}`;
}

/**
 * Recommendation: grow the `2-4` segment into `5+`, sized from the `2-4` profile and showing how
 * `5+` differs in interval, avg check and tickets: a difference of at least
 * MIN_RELATIVE_DIFFERENCE of the `2-4` figure is stated as one, a smaller one as about the same;
 * holds when both segments have users and at least one of those metrics is known for both.
 */
export const growMidSegment: Rule = {
  id,
  kind: "recommendation",
  apply(results) {
    const find = (s: string) => results.segments.find((p) => p.segment === s);
    const [mid, top] = [find("2-4"), find("5+")];
    if (!mid || !top || mid.users === 0 || top.users === 0 || mid.share_of_users === null)
      return null;
    const share = mid.share_of_users;
    const known = METRICS.filter((m) => top[m] !== null && mid[m] !== null);
    if (known.length === 0) return null;
    const value = (p: SegmentProfile, m: Metric) => p[m] ?? 0;
    const large = (m: Metric) =>
      Math.abs(relativeDifference(value(top, m), value(mid, m)) ?? 0) >= MIN_RELATIVE_DIFFERENCE;
    const text = (lang: Lang) => {
      const [n, s] = [formatCount(mid.users, lang), formatPercent(share, lang)];
      const list = (ms: Metric[], phrase: typeof same) =>
        joinList(
          ms.map((m) => phrase(m, value(top, m), value(mid, m), lang, currencyOf(results))),
          lang,
        );
      const [apart, alike] = [known.filter(large), known.filter((m) => !large(m))];
      const compared = comparison(list(apart, differs), list(alike, same), alike.length, lang);
      return lang === "en"
        ? `Help customers with 2–4 orders grow to 5 or more: there are ${n} of them (${s} of all customers). ${compared}.`
        : `Помогайте покупателям с 2–4 заказами дорасти до 5 и более заказов: таких покупателей — ${n} (${s} всех покупателей). ${compared}.`;
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
