import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnalysisResults } from "../src/analysis/results.js";
import { renderReport } from "../src/report/render-report.js";
import { demoResults } from "./report-fixture.js";

const GOLDEN = join(import.meta.dirname, "golden");

/** What may vary between runs is normalised: SVG coordinates to two decimals, one tag a line. */
function normalise(html: string): string {
  return html
    .replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100))
    .replace(/></g, ">\n<");
}

async function compareGolden(name: string, actual: string): Promise<void> {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    await writeFile(file, actual);
    return;
  }
  const expected = await readFile(file, "utf8").catch(() => null);
  if (expected !== actual) {
    await writeFile(file.replace(/\.html$/, "-changed.html"), actual);
    expect.fail(
      `${name} differs from the golden file; see ${name.replace(/\.html$/, "-changed.html")} (UPDATE_GOLDEN=1 to accept)`,
    );
  }
}

describe("the report of a small demo", () => {
  let results: AnalysisResults;
  beforeAll(async () => {
    results = await demoResults(300);
  });

  it("matches the English golden file", async () => {
    await compareGolden("report-en.html", normalise(renderReport(results, "en")));
  });

  it("matches the Russian golden file", async () => {
    await compareGolden("report-ru.html", normalise(renderReport(results, "ru")));
  });

  it("says so when the correlation is missing instead of failing", () => {
    const html = renderReport({ ...results, correlation: null }, "en");
    expect(html).toContain("The correlation analysis was not run");
    expect(html).not.toContain('id="chart-phik-matrix"');
  });

  it("stays self-contained: no script, no external resource", () => {
    const html = renderReport(results, "en");
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(|src=/i);
  });
});
