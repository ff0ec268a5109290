/**
 * The currencies a report can speak of: its amounts are in one of them (the `currency` setting,
 * roubles by default). The symbol labels amounts; the names go where a text says what currency
 * the amounts are in ("in roubles" / «в рублях») or into which they are converted («в рубли»).
 */
export interface CurrencyWords {
  symbol: string;
  /** English: the symbol goes before the number ($4,583) rather than after it (4,583 ₽). */
  symbolFirst: boolean;
  en: string;
  /** Russian, prepositional («в рублях») and accusative («в рубли»), with the preposition. */
  ru: { in: string; into: string };
}

export const CURRENCIES = {
  rub: { symbol: "₽", symbolFirst: false, en: "roubles", ru: { in: "в рублях", into: "в рубли" } },
  usd: {
    symbol: "$",
    symbolFirst: true,
    en: "US dollars",
    ru: { in: "в долларах США", into: "в доллары США" },
  },
  eur: { symbol: "€", symbolFirst: true, en: "euros", ru: { in: "в евро", into: "в евро" } },
  gbp: {
    symbol: "£",
    symbolFirst: true,
    en: "pounds sterling",
    ru: { in: "в фунтах стерлингов", into: "в фунты стерлингов" },
  },
  kzt: { symbol: "₸", symbolFirst: false, en: "tenge", ru: { in: "в тенге", into: "в тенге" } },
  cny: { symbol: "¥", symbolFirst: true, en: "yuan", ru: { in: "в юанях", into: "в юани" } },
  byn: {
    symbol: "Br",
    symbolFirst: false,
    en: "Belarusian roubles",
    ru: { in: "в белорусских рублях", into: "в белорусские рубли" },
  },
} as const satisfies Record<string, CurrencyWords>;

export type CurrencyCode = keyof typeof CURRENCIES;

export const CURRENCY_CODES = Object.keys(CURRENCIES) as CurrencyCode[];

export const DEFAULT_CURRENCY: CurrencyCode = "rub";

/** The words of a currency code; an unknown one (an older results file) is roubles. */
export function currencyWords(code: string | undefined): CurrencyWords {
  return CURRENCIES[(code ?? DEFAULT_CURRENCY) as CurrencyCode] ?? CURRENCIES.rub;
}
