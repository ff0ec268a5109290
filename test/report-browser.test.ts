import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { buildReport } from "../src/report/render-report.js";
import { chromiumAvailable, launchChromium } from "./browser.js";
import { tempDir } from "./helpers.js";
import { demoResults } from "./report-fixture.js";

const SECTIONS = [
  "summary",
  "data-quality",
  "entry-points",
  "repeat",
  "revenue",
  "time",
  "correlation",
  "segments",
  "method",
];
const available = chromiumAvailable("the report browser test");

describe.skipIf(!available)("the demo report in a real browser", () => {
  it("loads offline with every section and chart drawn", async () => {
    const { html, charts } = buildReport(await demoResults(3000), "en");
    const dir = await tempDir("encore-browser-");
    const file = join(dir, "report.html");
    await writeFile(file, html);
    const url = pathToFileURL(file).href;
    const browser = await launchChromium({ width: 1100, height: 900 });
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      const errors: string[] = [];
      const requests: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("request", (r) => requests.push(r.url()));
      await page.goto(url, { waitUntil: "load" });
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
      for (const id of SECTIONS) {
        const box = await page.locator(`section#${id}`).boundingBox();
        expect(box?.height, id).toBeGreaterThan(0);
      }
      expect(charts.length).toBeGreaterThanOrEqual(10);
      for (const chart of charts) {
        const box = await page.locator(`#chart-${chart.id} svg`).first().boundingBox();
        expect(box?.width, chart.id).toBeGreaterThan(100);
        expect(box?.height, chart.id).toBeGreaterThan(40);
      }
      const artifacts = resolve(import.meta.dirname, "..", "test-artifacts");
      await mkdir(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, "report-en.png"), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
