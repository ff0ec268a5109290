/**
 * What a spreadsheet takes for the start of a formula (OWASP, "CSV Injection"): a text cell
 * starting with one of these runs as a formula when the CSV is opened or imported.
 */
export const FORMULA_STARTS: readonly string[] = ["=", "+", "-", "@", "\t", "\r"];

/** A text value as a spreadsheet shows it but never runs it: OWASP's leading `'`. */
export function neutraliseFormula(text: string): string {
  return FORMULA_STARTS.some((start) => text.startsWith(start)) ? `'${text}` : text;
}
