import { currencyWords } from "../model/currencies.js";
import type { Lang } from "../text/lang.js";
import type { Formatters } from "./format.js";
import { formatters } from "./format.js";
import { en } from "./i18n/en.js";
import { inCurrency } from "./i18n/in-currency.js";
import type { Messages } from "./i18n/messages.js";
import { ru } from "./i18n/ru.js";

/** What every section and chart needs to speak the report's language. */
export interface ReportContext {
  lang: Lang;
  t: Messages;
  f: Formatters;
}

const MESSAGES: Record<Lang, Messages> = { en, ru };

/** The context of a report in `lang` whose amounts are in `currency` (a code; roubles by default). */
export function reportContext(lang: Lang, currency?: string): ReportContext {
  const t = MESSAGES[lang];
  if (!t) throw new Error(`invalid lang: ${String(lang)}`);
  const words = currencyWords(currency);
  return { lang, t: inCurrency(t, lang, words), f: formatters(lang, words) };
}
