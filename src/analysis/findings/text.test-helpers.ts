import type { Statement } from "../results.js";

/**
 * Text with the no-break spaces (Intl's, and the report's typesetting) shown as plain spaces and
 * its word joiners dropped, for readable expectations.
 */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, " ").replace(/\u2060/g, "");
}

/** Statistical symbols a Russian text may cite as they are. */
const SYMBOLS = /φK|\b[pqz]\b/g;

/**
 * The Latin letters of a statement's Russian text once the data values it cites (the string
 * figures) and the symbols p, q, z and φK are taken out: a natural Russian text has none.
 */
export function latinOutsideData(s: Statement): string[] {
  const values = Object.values(s.figures)
    .filter((v): v is string => typeof v === "string")
    .sort((a, b) => b.length - a.length);
  let rest = s.texts.ru;
  for (const v of values) rest = rest.replaceAll(v, " ");
  return rest.replace(SYMBOLS, " ").match(/[A-Za-z]+/g) ?? [];
}
