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
