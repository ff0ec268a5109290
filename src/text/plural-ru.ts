/**
 * The Russian plural form of a noun after the number n: forms are for 1, 2–4 and 5
 * (`["день", "дня", "дней"]`). Fractions take the second form ("2,5 дня").
 */
export function pluralRu(n: number, forms: readonly [string, string, string]): string {
  if (!Number.isInteger(n)) return forms[1];
  const abs = Math.abs(n);
  const mod10 = abs % 10;
  const mod100 = abs % 100;
  if (mod10 === 1 && mod100 !== 11) return forms[0];
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return forms[1];
  return forms[2];
}

/** The forms of the words the findings, the notes and the report count with: 1, 2–4, 5. */
export const RU_FORMS = {
  customer: ["покупатель", "покупателя", "покупателей"],
  /** The genitive, also the animate accusative: «из 21 покупателя», «исключил 21 покупателя». */
  customerOf: ["покупателя", "покупателей", "покупателей"],
  order: ["заказ", "заказа", "заказов"],
  day: ["день", "дня", "дней"],
  row: ["строка", "строки", "строк"],
  /** The verb after a count of customers: «1 покупатель сделает», «5 покупателей сделают». */
  willMake: ["сделает", "сделают", "сделают"],
} as const satisfies Record<string, readonly [string, string, string]>;
