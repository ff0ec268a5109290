import { type Lang, LOCALE } from "./lang.js";

/** A value from the data as cited in running text: plain in English, in «» in Russian. */
export function quote(value: string, lang: Lang): string {
  return lang === "en" ? value : `«${value}»`;
}

/** `a, b and c` / `a, b и c`. */
export function joinList(items: readonly string[], lang: Lang): string {
  return new Intl.ListFormat(LOCALE[lang], { type: "conjunction" }).format(items);
}

/** When, counted from the first order, something happens: days lo to hi (0 = the same day). */
export function windowPhrase(lo: number, hi: number, lang: Lang): string {
  if (lang === "en") {
    if (lo === hi)
      return lo === 0 ? "on the day of the first order" : `on day ${lo} after the first order`;
    if (lo === 0) return `between the day of the first order and day ${hi} after it`;
    return `between day ${lo} and day ${hi} after the first order`;
  }
  if (lo === hi) return lo === 0 ? "в день первого заказа" : `на ${lo}-й день после первого заказа`;
  if (lo === 0) return `со дня первого заказа по ${hi}-й день после него`;
  return `с ${lo}-го по ${hi}-й день после первого заказа`;
}
