import { esc, prose } from "./html.js";

/** Tables with this many columns or more are laid out as one card per row on a narrow screen. */
const STACK_FROM = 5;

/**
 * A table of plain-text cells; columns from `numeric` on are right-aligned figures, kept on one
 * line unless `wrap` lets text in them wrap. A table of five columns or more turns into one card
 * per row on a narrow screen, each cell labelled with its column's header.
 */
export function table(
  headers: readonly string[],
  rows: readonly string[][],
  numeric = 1,
  { wrap = false }: { wrap?: boolean } = {},
): string {
  const stack = headers.length >= STACK_FROM;
  const cls = (i: number) => (i >= numeric ? ' class="num"' : "");
  const label = (i: number) => (stack ? ` data-label="${esc(headers[i] ?? "")}"` : "");
  const head = headers.map((h, i) => `<th${cls(i)}>${esc(h)}</th>`).join("");
  const body = rows
    .map(
      (row) => `<tr>${row.map((c, i) => `<td${cls(i)}${label(i)}>${prose(c)}</td>`).join("")}</tr>`,
    )
    .join("");
  const classes = [...(stack ? ["stack"] : []), ...(wrap ? ["wrap"] : [])];
  const attr = classes.length ? ` class="${classes.join(" ")}"` : "";
  return `<table${attr}><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
