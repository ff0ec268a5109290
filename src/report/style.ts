/**
 * The report's inline CSS: screen and A4 print, no external fonts. Nothing is wider than its
 * box: the tiles and the contents reflow, headers wrap, wide tables turn into one card per row
 * on a phone, and charts scale down with their viewBox.
 */
export const STYLE = `
:root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --accent: #0072B2; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 "DejaVu Sans", Arial, Helvetica, sans-serif; color: var(--ink); background: #f6f8fa; }
main { max-width: 980px; margin: 0 auto; padding: 24px 32px 48px; background: white; }
header { border-bottom: 3px solid var(--accent); margin-bottom: 16px; }
h1 { font-size: 28px; margin: 8px 0 4px; }
h2 { font-size: 22px; margin: 0 0 12px; padding-top: 8px; border-top: 1px solid var(--line); }
h3 { font-size: 17px; margin: 20px 0 8px; }
p, li, figcaption { overflow-wrap: break-word; }
.subtitle { color: var(--muted); margin: 0 0 12px; }
nav ol { columns: 3 14em; column-gap: 24px; margin: 8px 0 0; padding-left: 28px; color: var(--muted); }
nav li { break-inside: avoid; margin: 0 0 4px; }
nav a { color: var(--accent); text-decoration: none; }
section { margin: 28px 0; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 12px; margin: 12px 0 8px; }
.tile { border: 1px solid var(--line); border-radius: 8px; padding: 12px; background: #f6f8fa; min-width: 0; }
.tile-label { color: var(--muted); font-size: 13px; }
.tile-value { font-size: 28px; font-weight: bold; color: var(--accent); }
.tile-note { color: var(--muted); font-size: 12px; }
ul { padding-left: 20px; } li { margin: 6px 0; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; font-variant-numeric: tabular-nums; max-width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
th.num { text-align: right; }
td.num { text-align: right; white-space: nowrap; }
table.wrap td.num { white-space: normal; }
figure.chart { margin: 16px 0 24px; break-inside: avoid; page-break-inside: avoid; }
figcaption strong { display: block; font-size: 15px; }
figcaption span { display: block; color: var(--muted); font-size: 13px; margin-bottom: 4px; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
.keep { break-inside: avoid; }
footer { color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
@media (max-width: 640px) {
  body { font-size: 14px; }
  main { padding: 12px 14px 32px; }
  h1 { font-size: 22px; }
  h2 { font-size: 19px; }
  .tiles { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px; }
  .tile { padding: 8px; }
  .tile-value { font-size: 22px; }
  table { font-size: 12px; }
  th, td { padding: 3px 5px; }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
  table.stack thead { display: none; }
  table.stack tr { border-bottom: 1px solid var(--line); padding: 4px 0; }
  table.stack td { border: 0; padding: 1px 0; text-align: right; white-space: normal; }
  table.stack td::before { content: attr(data-label); float: left; margin-right: 12px; color: var(--muted); text-align: left; }
  table.stack td:first-child { text-align: left; font-weight: bold; }
  table.stack td:first-child::before { content: none; }
}
@media print {
  @page { size: A4; margin: 14mm; }
  body { background: white; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  section { break-before: page; page-break-before: always; margin: 0; }
  section#summary { break-before: auto; page-break-before: auto; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  table, tr { break-inside: avoid; page-break-inside: avoid; }
  table { font-size: 9pt; }
  th, td { padding: 3px 5px; }
  .tiles { grid-template-columns: repeat(4, 1fr); }
}
`;
