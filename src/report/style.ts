/** The report's inline CSS: screen and A4 print, no external fonts. */
export const STYLE = `
:root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --accent: #0072B2; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 "DejaVu Sans", Arial, Helvetica, sans-serif; color: var(--ink); background: #f6f8fa; }
main { max-width: 980px; margin: 0 auto; padding: 24px 32px 48px; background: white; }
header { border-bottom: 3px solid var(--accent); margin-bottom: 16px; }
h1 { font-size: 28px; margin: 8px 0 4px; }
h2 { font-size: 22px; margin: 0 0 12px; padding-top: 8px; border-top: 1px solid var(--line); }
h3 { font-size: 17px; margin: 20px 0 8px; }
.subtitle { color: var(--muted); margin: 0 0 12px; }
nav ol { columns: 3; margin: 8px 0 0; padding-left: 20px; color: var(--muted); }
nav a { color: var(--accent); text-decoration: none; }
section { margin: 28px 0; }
.tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; margin: 12px 0 8px; }
.tile { border: 1px solid var(--line); border-radius: 8px; padding: 12px; background: #f6f8fa; }
.tile-label { color: var(--muted); font-size: 13px; }
.tile-value { font-size: 28px; font-weight: bold; color: var(--accent); }
.tile-note { color: var(--muted); font-size: 12px; }
ul { padding-left: 20px; } li { margin: 6px 0; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 10px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num, th.num { text-align: right; white-space: nowrap; }
.wide { overflow-x: auto; }
figure.chart { margin: 16px 0 24px; break-inside: avoid; page-break-inside: avoid; }
figcaption strong { display: block; font-size: 15px; }
figcaption span { display: block; color: var(--muted); font-size: 13px; margin-bottom: 4px; }
figure.chart svg { max-width: 100%; height: auto; }
.keep { break-inside: avoid; }
footer { color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
@media print {
  @page { size: A4; margin: 14mm; }
  body { background: white; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  section { break-before: page; page-break-before: always; margin: 0; }
  section#summary { break-before: auto; page-break-before: auto; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  table, tr { break-inside: avoid; page-break-inside: avoid; }
  .tiles { grid-template-columns: repeat(4, 1fr); }
}
`;
