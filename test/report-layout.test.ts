import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnalysisResults } from "../src/analysis/results.js";
import { runAnalysis } from "../src/analysis/run-analysis.js";
import { loadConfig } from "../src/config/load-config.js";
import { DEFAULT_USERS } from "../src/demo/manifest.js";
import { renderReport } from "../src/report/render-report.js";
import type { Lang } from "../src/text/lang.js";
import { chromiumAvailable, launchChromium } from "./browser.js";
import { layoutFaults } from "./layout-faults.js";
import { demoResults } from "./report-fixture.js";

/** A4 is 210 mm wide; the report's @page margins are 14 mm: 182 mm of text at 96 px per inch. */
const A4_TEXT_WIDTH = Math.floor((182 / 25.4) * 96);
const LAYOUTS = [
  { name: "a 1280 px screen", width: 1280, media: "screen" },
  { name: "a 390 px phone", width: 390, media: "screen" },
  { name: "A4 paper", width: A4_TEXT_WIDTH, media: "print" },
] as const;
const ARTIFACTS = resolve(import.meta.dirname, "..", "test-artifacts");
const CDNOW = fileURLToPath(new URL("../data/cdnow/cdnow.config.json", import.meta.url));

const available = chromiumAvailable("the report layout test");

describe.skipIf(!available)("the report fits a screen, a phone and A4", () => {
  let browser: BrowserContext;
  const results: Record<string, AnalysisResults> = {};
  beforeAll(async () => {
    browser = await launchChromium({ width: 1280, height: 900 });
    results.demo = await demoResults(DEFAULT_USERS);
    results.cdnow = await runAnalysis(await loadConfig(CDNOW, {}));
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** The faults of one report at each layout, each prefixed with the layout. */
  async function faultsOf(html: string): Promise<string[]> {
    const page = await browser.newPage();
    try {
      await page.setContent(html, { waitUntil: "load" });
      const faults: string[] = [];
      for (const layout of LAYOUTS) {
        await page.setViewportSize({ width: layout.width, height: 900 });
        await page.emulateMedia({ media: layout.media });
        faults.push(...(await page.evaluate(layoutFaults)).map((f) => `${layout.name}: ${f}`));
      }
      return faults;
    } finally {
      await page.close();
    }
  }

  it("finds what does not fit: the check itself can fail", async () => {
    const html = `<!DOCTYPE html><html><body style="margin:0"><main><section id="s">
      <div class="tile" style="width:100px"><span style="white-space:nowrap">a tile value too long</span></div>
      <div style="width:200px"><table><tr><th>wide</th><td style="white-space:nowrap">${"x".repeat(160)}</td></tr></table></div>
      <figure class="chart" id="chart-c" style="margin:0;width:300px"><svg width="300" height="100" viewBox="0 0 300 100">
        <text x="250" y="50">cut at the edge</text><text x="10" y="50">one</text><text x="14" y="52">two</text>
        <g stroke-dasharray="4,3"><line x1="20" x2="20" y1="0" y2="100" stroke="black"></line></g>
      </svg></figure></section></main></body></html>`;
    const faults = await faultsOf(html);
    expect(faults).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^a 1280 px screen: s: a div\.tile holds \d+ px in 100 px/),
        expect.stringMatching(/^a 1280 px screen: s: table "wide" is \d+ px wide in 200 px$/),
        expect.stringMatching(/^a 1280 px screen: chart-c: "cut at the edge" spans x 250–\d+/),
        'a 1280 px screen: chart-c: "two" overlaps "one"',
        'a 1280 px screen: chart-c: a dashed line runs through "one"',
        'a 1280 px screen: chart-c: a dashed line runs through "two"',
        expect.stringMatching(/^a 390 px phone: the page is \d+ px wide in a 390 px window$/),
        expect.stringMatching(/^A4 paper: the page is \d+ px wide in a 687 px window$/),
      ]),
    );
  });

  for (const report of ["demo", "cdnow"] as const) {
    for (const lang of ["en", "ru"] as const satisfies readonly Lang[]) {
      it(`lays out the ${report} report in ${lang} with nothing cut, overlapping or scrolling sideways`, async () => {
        const html = renderReport(results[report] as AnalysisResults, lang);
        expect(await faultsOf(html)).toEqual([]);
        if (report === "demo") await firstScreens(html, lang);
      }, 120_000);
    }
  }

  /** What a reader sees first, on a screen and on a phone, kept for people to look at. */
  async function firstScreens(html: string, lang: Lang): Promise<void> {
    await mkdir(ARTIFACTS, { recursive: true });
    const page = await browser.newPage();
    try {
      await page.setContent(html, { waitUntil: "load" });
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
        const suffix = width > 500 ? "" : `-${width}`;
        await page.screenshot({ path: join(ARTIFACTS, `first-screen-${lang}${suffix}.png`) });
      }
    } finally {
      await page.close();
    }
  }
});
