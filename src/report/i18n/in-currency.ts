import { CURRENCIES, type CurrencyWords } from "../../model/currencies.js";
import type { Lang } from "../../text/lang.js";
import type { Messages } from "./messages.js";

/**
 * The report's texts for amounts in another currency than roubles: the catalogues are written
 * in roubles, and here the sign and the names ("in roubles", «в рублях», «в рубли») are swapped
 * for the currency's, in every text and in whatever a text function returns.
 */
export function inCurrency(t: Messages, lang: Lang, c: CurrencyWords): Messages {
  if (c === CURRENCIES.rub) return t;
  const swaps: [string | RegExp, string][] =
    lang === "en"
      ? [
          ["₽", c.symbol],
          [/\broubles\b/g, c.en],
        ]
      : [
          ["₽", c.symbol],
          ["в рублях", c.ru.in],
          ["в рубли", c.ru.into],
        ];
  const swap = (text: string) =>
    swaps.reduce(
      (out, [from, to]) =>
        typeof from === "string" ? out.replaceAll(from, to) : out.replace(from, to),
      text,
    );
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return swap(v);
    if (typeof v === "function") return (...args: unknown[]) => walk(v(...args));
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(t) as Messages;
}
