import type { Formatters, Lang } from "./format.js";
import { formatters } from "./format.js";
import { en } from "./i18n/en.js";
import type { Messages } from "./i18n/messages.js";
import { ru } from "./i18n/ru.js";

/** What every section and chart needs to speak the report's language. */
export interface ReportContext {
  lang: Lang;
  t: Messages;
  f: Formatters;
}

const MESSAGES: Record<Lang, Messages> = { en, ru };

export function reportContext(lang: Lang): ReportContext {
  const t = MESSAGES[lang];
  if (!t) throw new Error(`invalid lang: ${String(lang)}`);
  return { lang, t, f: formatters(lang) };
}
