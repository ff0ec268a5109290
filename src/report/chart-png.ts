import { Resvg } from "@resvg/resvg-js";
import type { Chart } from "./charts/chart.js";
import { esc } from "./html.js";

/** The note wrapped to lines that fit the chart's width at 10px. */
function wrap(text: string, width: number): string[] {
  const max = Math.max(40, Math.floor(width / 6));
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= max)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** HTML serialisation → XML: a namespace, and numeric entities where HTML has named ones. */
const xml = (svg: string) =>
  svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ').replace(/&nbsp;/g, "&#160;");

/** The chart as a standalone SVG with its title and note drawn above it, for the PNG export. */
export function standaloneSvg(chart: Chart): string {
  const width = Number(/width="(\d+(?:\.\d+)?)"/.exec(chart.svg)?.[1] ?? 720);
  const height = Number(/height="(\d+(?:\.\d+)?)"/.exec(chart.svg)?.[1] ?? 400);
  const note = wrap(chart.note, width);
  const header = 30 + note.length * 14;
  const noteText = note
    .map(
      (line, i) =>
        `<text x="8" y="${36 + i * 14}" font-size="10" fill="#57606a">${esc(line)}</text>`,
    )
    .join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + header}" ` +
    `viewBox="0 0 ${width} ${height + header}" font-family="DejaVu Sans">` +
    `<rect width="100%" height="100%" fill="white"/>` +
    `<text x="8" y="18" font-size="14" font-weight="bold">${esc(chart.title)}</text>` +
    noteText +
    `<g transform="translate(0,${header})">${xml(chart.svg)}</g></svg>`
  );
}

/** Renders one chart to PNG at twice its size; system fonts supply the glyphs. */
export function chartPng(chart: Chart): Buffer {
  const resvg = new Resvg(standaloneSvg(chart), {
    fitTo: { mode: "zoom", value: 2 },
    background: "white",
    font: {
      loadSystemFonts: true,
      defaultFontFamily: "DejaVu Sans",
      sansSerifFamily: "DejaVu Sans",
    },
  });
  return resvg.render().asPng();
}
