import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { AnalysisResults } from "../analysis/results.js";
import { chartPng } from "./chart-png.js";
import type { Lang } from "./format.js";
import { buildReport } from "./render-report.js";

/** Writes the HTML report, and one PNG per chart into `pngDir` when given; returns the PNG files. */
export async function writeReport(
  results: AnalysisResults,
  lang: Lang,
  file: string,
  pngDir?: string,
): Promise<string[]> {
  const { html, charts } = buildReport(results, lang);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, html);
  if (!pngDir) return [];
  await mkdir(pngDir, { recursive: true });
  const files = [];
  for (const chart of charts) {
    const png = join(pngDir, `${chart.id}.png`);
    await writeFile(png, chartPng(chart));
    files.push(png);
  }
  return files;
}
