import {
  formatCount,
  formatDays,
  formatDecimal,
  formatP,
  formatPercent,
  formatRoubles,
  type Lang,
} from "../analysis/findings/format.js";

export type { Lang };

/** The locale's formatters bound to one language; a null figure shows as a dash. */
export function formatters(lang: Lang) {
  const or =
    <T>(fn: (x: number) => T) =>
    (x: number | null | undefined) =>
      x === null || x === undefined || !Number.isFinite(x) ? "—" : fn(x);
  return {
    lang,
    count: or((x) => formatCount(x, lang)),
    percent: or((x) => formatPercent(x, lang)),
    roubles: or((x) => formatRoubles(x, lang)),
    decimal: (x: number | null | undefined, digits: number) =>
      or((v) => formatDecimal(v, digits, lang))(x),
    p: (x: number | null | undefined, symbol = "p") => or((v) => formatP(v, lang, symbol))(x),
    days: (x: number | null | undefined, digits = 0) => or((v) => formatDays(v, lang, digits))(x),
  };
}

export type Formatters = ReturnType<typeof formatters>;
