import { CURRENCIES, type CurrencyWords } from "../model/currencies.js";
import { type Lang, LOCALE } from "./lang.js";
import { pluralRu, RU_FORMS } from "./plural-ru.js";

/**
 * One formatter per (language, style, digits), made once: making an Intl.NumberFormat costs a
 * hundred times what formatting a number does, and a report formats thousands.
 */
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(lang: Lang, digits: number, style: "decimal" | "percent"): Intl.NumberFormat {
  const key = `${lang} ${style} ${digits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], {
      style,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, f);
  }
  return f;
}

/** A number with a fixed number of decimals and the locale's separators. */
export function formatDecimal(x: number, digits: number, lang: Lang): string {
  return formatter(lang, digits, "decimal").format(x);
}

/** A whole number with the locale's thousands separator: `12,345` / `12 345`. */
export function formatCount(n: number, lang: Lang): string {
  return formatDecimal(Math.round(n), 0, lang);
}

/** A share 0–1 as a percentage, one decimal unless told: `58.9%` / `58,9 %`. */
export function formatPercent(share: number, lang: Lang, digits = 1): string {
  return formatter(lang, digits, "percent").format(share);
}

/** A change as a signed percentage, one decimal unless told: `+24.8%` / `−40 %` (a true minus). */
export function formatSignedPercent(share: number, lang: Lang, digits = 1): string {
  const text = formatPercent(Math.abs(share), lang, digits);
  return share > 0 ? `+${text}` : share < 0 ? `−${text}` : text;
}

/**
 * A whole amount with its currency's sign, after a no-break space (`4,583 ₽` / `4 583 ₽`), or
 * in English before it when the currency writes it so (`$4,583`); roubles unless told.
 */
export function formatMoney(
  x: number,
  lang: Lang,
  currency: CurrencyWords = CURRENCIES.rub,
): string {
  if (lang === "en" && currency.symbolFirst) {
    const sign = x < 0 ? "−" : "";
    return `${sign}${currency.symbol}${formatCount(Math.abs(x), lang)}`;
  }
  return `${formatCount(x, lang)}\u00a0${currency.symbol}`;
}

/** An ISO date (YYYY-MM-DD) as running text writes it: `11 September 2024` / `11 сентября 2024 г.` */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(LOCALE[lang], {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}

/**
 * A p- or q-value: `p < 0.001` below 0.001, else three decimals (`p = 0.012`), four when three
 * would round a value below 0.05 up to 0.050.
 */
export function formatP(p: number, lang: Lang, symbol = "p"): string {
  if (p < 0.001) return `${symbol} < ${formatDecimal(0.001, 3, lang)}`;
  const digits = p < 0.05 && Math.round(p * 1000) >= 50 ? 4 : 3;
  return `${symbol} = ${formatDecimal(p, digits, lang)}`;
}

/** Days, whole unless `digits` says otherwise: `9 days` / `9 дней`, `21 день`, `3 дня`. */
export function formatDays(days: number, lang: Lang, digits = 0): string {
  const value = Number(days.toFixed(digits));
  const number = formatDecimal(value, digits, lang);
  // A number shown with decimals takes the fraction's form, even when they are zeros: 1,0 дня.
  if (lang === "en") return `${number} ${value === 1 && digits === 0 ? "day" : "days"}`;
  return `${number} ${digits > 0 ? RU_FORMS.day[1] : pluralRu(value, RU_FORMS.day)}`;
}

/** Decimals (0 or 1) needed so that two figures shown side by side do not look equal. */
export function digitsToDistinguish(a: number, b: number): number {
  return Math.round(a) === Math.round(b) ? 1 : 0;
}
