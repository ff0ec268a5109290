import { copyFile, mkdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEngine, runAnalysis } from "../src/analysis/run-analysis.js";
import { openStudy, type Study } from "../src/analysis/study.js";
import type { AnalysisConfig } from "../src/config/config.js";
import { resolveConfig } from "../src/config/load-config.js";
import { writeDemoCsv } from "../src/demo/write-demo.js";
import { renderReport } from "../src/report/render-report.js";
import { type RunningServer, startServer } from "../src/serve/start-server.js";
import { chromiumAvailable, launchChromium } from "./browser.js";
import { parseCsv, tempDir } from "./helpers.js";

const available = chromiumAvailable("the serve browser test");
const ARTIFACTS = resolve(import.meta.dirname, "..", "test-artifacts");

/** The visible text of the report's headline tiles and entry-point tables. */
const figures = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("#summary .tile-value, #entry-points .keep table td")].map(
      (n) => (n as HTMLElement).textContent,
    ),
  );

const settled = (page: Page) =>
  page.waitForFunction(
    () => document.body.dataset.state === "ready" || document.body.dataset.state === "error",
    undefined,
    { timeout: 120_000 },
  );

describe.skipIf(!available)("encore serve in a real browser, over the 2,000-user demo", () => {
  let dir: string;
  let config: AnalysisConfig;
  let study: Study;
  let server: RunningServer;
  beforeAll(async () => {
    dir = await tempDir("encore-serve-");
    await writeDemoCsv(join(dir, "data"), { users: 2000 });
    config = resolveConfig({}, dir, {
      orders: join(dir, "data", "orders.csv"),
      rates: join(dir, "data", "rates.csv"),
    });
    study = await openStudy(await openEngine(config), config, {
      keepRejects: false,
      forFilters: true,
    });
    server = await startServer(study, { host: "127.0.0.1", port: 0 });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await study?.close();
  });

  it("filters, shows analyze's figures for the filter, and downloads its lists", async () => {
    const origin = new URL(server.url).origin;
    const browser = await launchChromium({ width: 1280, height: 900 });
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      const errors: string[] = [];
      const requests: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("request", (r) => requests.push(r.url()));

      await page.goto(server.url, { waitUntil: "load" });
      await settled(page);
      expect(await page.locator("#status").textContent()).toMatch(/^1,\d{3} customers$/);

      // Two filters: the event types of the first order, then the first-order dates.
      await page.locator('select[name="event_type_main"]').selectOption(["theatre", "concerts"]);
      await settled(page);
      await page.locator('input[name="from"]').fill("2024-07-01");
      await settled(page);
      const shown = new URL(page.url()).searchParams;
      expect(shown.getAll("event_type_main").sort()).toEqual(["concerts", "theatre"]);
      expect(shown.get("from")).toBe("2024-07-01");

      const filter = {
        from: "2024-07-01",
        to: null,
        where: { event_type_main: ["concerts", "theatre"] },
        segment: null,
      };
      const out = join(dir, "analyzed");
      const analysed = await runAnalysis(
        {
          ...config,
          cohorts: { ...config.cohorts, from: filter.from, to: filter.to },
          where: filter.where,
          segment: filter.segment,
        },
        { outDir: out },
      );
      await expect
        .poll(() => page.locator("#status").textContent())
        .toBe(`${analysed.overall.users.toLocaleString("en-GB")} customers`);
      const served = await figures(page);
      const expected = await browser.newPage();
      await expected.setContent(renderReport(analysed, "en"));
      expect(served.length).toBeGreaterThan(20);
      expect(served).toEqual(await figures(expected));
      await expected.close();
      expect(await page.locator("#summary .population").textContent()).toContain(
        "These figures cover only the customers whose first order was on or after 1 July 2024",
      );

      // A list for the filter holds the rows analyze wrote for it.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.locator('a.list[data-list="champions"]').click(),
      ]);
      expect(download.suggestedFilename()).toBe("champions.csv");
      const got = parseCsv(await readFile((await download.path()) ?? "", "utf8"));
      const want = parseCsv(await readFile(join(out, "lists", "champions.csv"), "utf8"));
      expect(got.length).toBe(analysed.lists.champions?.users);
      expect(got.map((r) => r.user_id)).toEqual(want.map((r) => r.user_id));

      // "These N customers" of one entry-point value.
      await page.locator("#entry-points details.groups summary").click();
      const first = page.locator("#entry-points a.group").first();
      const n = Number(((await first.textContent()) ?? "").replace(/\D/g, ""));
      const [group] = await Promise.all([page.waitForEvent("download"), first.click()]);
      const rows = parseCsv(await readFile((await group.path()) ?? "", "utf8"));
      expect(rows.length).toBe(n);
      // The most valuable first, as the lists.
      const revenue = rows.map((r) => Number(r.total_revenue_rub));
      expect(revenue).toEqual([...revenue].sort((a, b) => b - a));

      await mkdir(ARTIFACTS, { recursive: true });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(ARTIFACTS, "serve-en.png") });
      await copyFile(
        join(ARTIFACTS, "serve-en.png"),
        resolve(import.meta.dirname, "..", "docs", "serve.png"),
      );

      // The address holds the view: reloaded, the same filter is chosen and drawn.
      await page.reload({ waitUntil: "load" });
      await settled(page);
      const chosen = await page
        .locator('select[name="event_type_main"] option:checked')
        .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value).sort());
      expect(chosen).toEqual(["concerts", "theatre"]);
      expect(await figures(page)).toEqual(served);

      expect(errors).toEqual([]);
      expect(requests.filter((u) => !u.startsWith(`${origin}/`))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 300_000);

  it("shows hostile values from the address as text, never as markup", async () => {
    const browser = await launchChromium({ width: 1100, height: 800 });
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      const hostile = `"><img src=x onerror="window.pwned=1"><script>window.pwned=2</script>${"x".repeat(300)}`;
      await page.goto(`${server.url}?city_name=${encodeURIComponent(hostile)}`, {
        waitUntil: "load",
      });
      await settled(page);
      const option = page.locator('select[name="city_name"] option:checked');
      expect(await option.evaluate((o) => (o as HTMLOptionElement).value)).toBe(hostile);
      expect(await page.locator("img[src=x]").count()).toBe(0);
      expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
      await expect.poll(() => page.locator("#status").textContent()).toMatch(/^0 customers$/);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
