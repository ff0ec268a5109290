import type { RateProblem } from "../queries/rates.js";
import type { Lang } from "../text/lang.js";
import { pluralRu, RU_FORMS } from "../text/plural-ru.js";
import type { Note, RatesSummary } from "./results.js";

/** Rate rows of one currency (null: blank) with one problem (null: used). */
export interface RateProblemCount {
  readonly currency_code: string | null;
  readonly problem: RateProblem | null;
  readonly n: number;
}

/** A currency and date with different rates per unit in two or more usable rows. */
export interface ConflictingRateDate {
  readonly currency_code: string;
  readonly date: string;
}

const WHY: Record<RateProblem, { en: string; ru: string }> = {
  bad_date: { en: "a date that is not YYYY-MM-DD", ru: "дата не в формате ГГГГ-ММ-ДД" },
  missing_currency: { en: "no currency", ru: "нет валюты" },
  rouble: { en: "for rub, which needs no rate", ru: "для rub, которому курс не нужен" },
  bad_nominal: { en: "a nominal that is not a number > 0", ru: "номинал — не число > 0" },
  bad_rate: { en: "a rate that is not a number > 0", ru: "курс — не число > 0" },
  superseded: {
    en: "a second row for a currency and date (the later row is used)",
    ru: "повтор валюты и даты (берётся более поздняя строка)",
  },
};

/** Problems that mean the file says something Encore cannot use, rather than nothing new. */
const UNUSABLE: readonly RateProblem[] = [
  "bad_date",
  "missing_currency",
  "bad_nominal",
  "bad_rate",
];

const listed = (items: readonly string[], max: number): string =>
  items.length > max ? `${items.slice(0, max).join(", ")}, …` : items.join(", ");

/**
 * What the rates file held and what of it was used (§11.5), and notes that say how many rows
 * were ignored and why, which currencies have rows but none usable (their orders would
 * otherwise read as an unknown currency), and on which dates the file contradicts itself.
 */
export function rateNotes(
  counts: readonly RateProblemCount[],
  conflicts: readonly ConflictingRateDate[],
): { summary: RatesSummary; notes: Note[] } {
  const ignored = Object.fromEntries(
    (Object.keys(WHY) as RateProblem[]).map((p) => [
      p,
      counts.filter((c) => c.problem === p).reduce((s, c) => s + c.n, 0),
    ]),
  ) as Record<RateProblem, number>;
  const read = counts.reduce((s, c) => s + c.n, 0);
  const used = counts.filter((c) => c.problem === null).reduce((s, c) => s + c.n, 0);
  const summary: RatesSummary = {
    rows_read: read,
    rows_used: used,
    rows_ignored: read - used,
    ignored,
    conflicting_dates: conflicts.length,
  };
  const notes: Note[] = [];
  const reasons = (Object.keys(WHY) as RateProblem[]).filter((p) => ignored[p] > 0);
  if (reasons.length) {
    const en =
      `${read - used} of ${read} rate rows were ignored: ` +
      `${reasons.map((p) => `${ignored[p]} with ${WHY[p].en}`).join(", ")}.`;
    const ru =
      `${read - used} из ${read} ${pluralRu(read, ["строки", "строк", "строк"])} курсов не использованы: ` +
      `${reasons.map((p) => `${WHY[p].ru} — ${ignored[p]}`).join(", ")}.`;
    notes.push({
      code: "rates_ignored",
      text: en,
      texts: { en, ru },
      warning: reasons.some((p) => UNUSABLE.includes(p)),
    });
  }
  const currencies = [
    ...new Set(
      counts.flatMap((c) =>
        c.currency_code && c.currency_code !== "rub" ? [c.currency_code] : [],
      ),
    ),
  ];
  const unusable = currencies.filter((code) =>
    counts.every((c) => c.currency_code !== code || c.problem !== null),
  );
  for (const code of unusable) {
    const rows = counts.filter((c) => c.currency_code === code);
    const total = rows.reduce((s, c) => s + c.n, 0);
    const why = (lang: Lang) =>
      rows.map((c) => `${WHY[c.problem as RateProblem][lang]}: ${c.n}`).join(", ");
    const en =
      `The rates have ${total} ${total === 1 ? "row" : "rows"} for ${code}, but none is usable (${why("en")}): ` +
      `orders in ${code} are rejected as unknown_currency. Fix the rates of ${code}.`;
    const ru =
      `В курсах ${total} ${pluralRu(total, RU_FORMS.row)} для ${code}, но ни одна не пригодна (${why("ru")}): ` +
      `заказы в ${code} отклонены как unknown_currency. Исправьте курсы ${code}.`;
    notes.push({ code: "rates_unusable_currency", text: en, texts: { en, ru }, warning: true });
  }
  if (conflicts.length) {
    const which = listed(
      conflicts.map((c) => `${c.currency_code} ${c.date}`),
      5,
    );
    const n = conflicts.length;
    const en =
      `The rates give one currency different rates on the same date in ${n} ${n === 1 ? "case" : "cases"} (${which}); ` +
      "the later row of the file is used.";
    const ru =
      `В курсах у одной валюты на одну дату разные курсы: ${n} ${pluralRu(n, ["случай", "случая", "случаев"])} (${which}); ` +
      "берётся более поздняя строка файла.";
    notes.push({ code: "rates_conflicting", text: en, texts: { en, ru }, warning: true });
  }
  return { summary, notes };
}
