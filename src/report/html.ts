/** Escapes text for HTML content and attribute values. */
export function esc(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

const NBSP = "\u00a0";
const WORD_JOINER = "\u2060";

/**
 * Text as it should wrap on a page: a number stays with the word or sign after it ("19 845
 * покупателей", "90 days", "4 583 ₽"), a range with both its ends ("2–4", "1–10-й"), a test
 * with its value ("p < 0.001"). Applied to the report only: results.json and the summary keep
 * plain spaces.
 */
export function typeset(text: string): string {
  return text
    .replace(/(\d)–(?=\d)/g, `$1${WORD_JOINER}–${WORD_JOINER}`)
    .replace(/(\d) (?=[^\s\d–—\-=+<>(])/g, `$1${NBSP}`)
    .replace(/(^|[\s(])([pqzVU]|χ²) ([<=>]) /g, `$1$2${NBSP}$3${NBSP}`);
}

/** Escaped text that wraps as typeset says. */
export const prose = (text: string): string => esc(typeset(text));

/** A paragraph of plain text. */
export const para = (text: string): string => `<p>${prose(text)}</p>`;

/** A bulleted list of plain texts. */
export const list = (items: readonly string[]): string =>
  `<ul>${items.map((item) => `<li>${prose(item)}</li>`).join("")}</ul>`;
