import { esc } from "./html.js";

/** A table of plain-text cells; columns from `numeric` on are right-aligned figures. */
export function table(headers: readonly string[], rows: readonly string[][], numeric = 1): string {
  const cls = (i: number) => (i >= numeric ? ' class="num"' : "");
  const head = headers.map((h, i) => `<th${cls(i)}>${esc(h)}</th>`).join("");
  const body = rows
    .map((row) => `<tr>${row.map((c, i) => `<td${cls(i)}>${esc(c)}</td>`).join("")}</tr>`)
    .join("");
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
