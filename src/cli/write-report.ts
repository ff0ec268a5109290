import { dirname, join } from "node:path";
import type { AnalysisResults } from "../analysis/results.js";
import { makeOutputDir, writeOutputFile } from "../io/output-file.js";
import { chartPng } from "../report/chart-png.js";
import { buildReport } from "../report/render-report.js";
import type { Lang } from "../text/lang.js";

/** Writes the HTML report, and one PNG per chart into `pngDir` when given; returns the PNG files. */
export async function writeReport(
  results: AnalysisResults,
  lang: Lang,
  file: string,
  pngDir?: string,
): Promise<string[]> {
  const { html, charts } = buildReport(results, lang);
  await makeOutputDir(dirname(file));
  await writeOutputFile(file, html);
  if (!pngDir) return [];
  await makeOutputDir(pngDir);
  const files = [];
  for (const chart of charts) {
    const png = join(pngDir, `${chart.id}.png`);
    await writeOutputFile(png, chartPng(chart));
    files.push(png);
  }
  return files;
}
