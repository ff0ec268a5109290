/** Escapes text for HTML content and attribute values. */
export function esc(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** A paragraph of plain text. */
export const para = (text: string): string => `<p>${esc(text)}</p>`;

/** A bulleted list of plain texts. */
export const list = (items: readonly string[]): string =>
  `<ul>${items.map((item) => `<li>${esc(item)}</li>`).join("")}</ul>`;
