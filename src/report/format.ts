import { CURRENCIES, type CurrencyWords } from "../model/currencies.js";
import {
  formatCount,
  formatDate,
  formatDays,
  formatDecimal,
  formatMoney,
  formatP,
  formatPercent,
  formatSignedPercent,
} from "../text/format.js";
import { valueLabel } from "../text/labels.js";
import { type Lang, LOCALE } from "../text/lang.js";

/** The locale's formatters bound to one language and currency; a null figure shows as a dash. */
export function formatters(lang: Lang, currency: CurrencyWords = CURRENCIES.rub) {
  const or =
    <T>(fn: (x: number) => T) =>
    (x: number | null | undefined) =>
      x === null || x === undefined || !Number.isFinite(x) ? "—" : fn(x);
  return {
    lang,
    count: or((x) => formatCount(x, lang)),
    percent: or((x) => formatPercent(x, lang)),
    /** A change: `+24.8%`, `−3.1%`. */
    signedPercent: or((x) => formatSignedPercent(x, lang)),
    /** An amount in the report's currency (roubles unless the results say otherwise). */
    money: or((x) => formatMoney(x, lang, currency)),
    decimal: (x: number | null | undefined, digits: number) =>
      or((v) => formatDecimal(v, digits, lang))(x),
    p: (x: number | null | undefined, symbol = "p") => or((v) => formatP(v, lang, symbol))(x),
    days: (x: number | null | undefined, digits = 0) => or((v) => formatDays(v, lang, digits))(x),
    /** At most `digits` decimals, none when the number is whole: a threshold of `15` orders, not `15.0`. */
    trimmed: (x: number | null | undefined, digits = 1) =>
      or((v) => formatDecimal(v, Number.isInteger(Number(v.toFixed(digits))) ? 0 : digits, lang))(
        x,
      ),
    /** An axis tick: a share as a percentage with no decimal unless the tick needs one (`40%`, `2.5%`). */
    percentTick: or((x) => formatPercentTick(x, lang)),
    /** A date as running text writes it (`11 September 2024`); a dash when unknown. */
    date: (iso: string | null | undefined) => (iso ? formatDate(iso, lang) : "—"),
    /** A value of the data as shown: the pooled `other` and `unknown` in the report's language. */
    value: (v: string) => valueLabel(v, lang),
  };
}

function formatPercentTick(share: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], {
    style: "percent",
    maximumFractionDigits: 1,
  }).format(share);
}

export type Formatters = ReturnType<typeof formatters>;
