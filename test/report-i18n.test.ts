import { beforeAll, describe, expect, it } from "vitest";
import type { AnalysisResults } from "../src/analysis/results.js";
import { en } from "../src/report/i18n/en.js";
import { ru } from "../src/report/i18n/ru.js";
import { renderReport } from "../src/report/render-report.js";
import type { Lang } from "../src/text/lang.js";
import { VERSION } from "../src/version.js";
import { demoResults } from "./report-fixture.js";

const keys = (o: object, prefix = ""): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === "object" && !Array.isArray(v) ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

/** Data values shown as they are in the source: names, codes, file names. */
function dataValues(r: AnalysisResults): string[] {
  const values = Object.values(r.entry_points.dimensions).flatMap((d) =>
    d.values.map((v) => v.value),
  );
  const tops = r.segments.flatMap((s) => Object.values(s.top).map((t) => t?.value ?? ""));
  const predicted = Object.values(r.prediction?.by_entry_point ?? {}).flatMap((rows) =>
    rows.map((row) => row.value),
  );
  const files = [r.input.orders, r.input.rates ?? "", "predictions.csv"].map(
    (p) => p.split(/[\\/]/).pop() ?? "",
  );
  const currencies = r.preparation.currencies.map((c) => c.currency_code.toUpperCase());
  return [...values, ...tops, ...predicted, ...files, ...currencies]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
}

describe("the report's languages", () => {
  it("has the same keys in English and Russian", () => {
    expect(keys(ru).sort()).toEqual(keys(en).sort());
  });

  it("has the same list lengths in English and Russian", () => {
    expect(ru.definitions.length).toBe(en.definitions.length);
    expect(ru.tests.length).toBe(en.tests.length);
    expect(ru.weekdays.length).toBe(en.weekdays.length);
  });

  describe("the Russian report of the demo", () => {
    let results: AnalysisResults;
    beforeAll(async () => {
      results = await demoResults(1500);
    });

    it("names the values Encore makes itself in Russian: «другое», not other", () => {
      const html = renderReport(results, "ru");
      expect(
        results.entry_points.dimensions.first_city?.values.some((v) => v.value === "other"),
      ).toBe(true);
      expect(html).toMatch(/<td[^>]*>другое<\/td>/);
      expect(html).not.toMatch(/<td[^>]*>other( ★)?<\/td>|<text[^>]*>other /);
    });

    it("writes dates in words in running text, never as YYYY-MM-DD", () => {
      for (const lang of ["en", "ru"] as const) {
        const html = renderReport(results, lang);
        const prose = [...html.matchAll(/<(p|li|figcaption|footer)[^>]*>([\s\S]*?)<\/\1>/g)].map(
          (m) => m[2],
        );
        expect(prose.length).toBeGreaterThan(10);
        for (const text of prose) expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      }
      expect(renderReport(results, "ru")).toContain("31 октября 2024 г.");
    });

    it("names the input, the date of the run and Encore's version in the footer", () => {
      const footer = (lang: Lang) =>
        /<footer>([\s\S]*?)<\/footer>/.exec(renderReport(results, lang))?.[1] ?? "";
      expect(footer("en")).toBe(
        `orders.csv, analysed on 15 January 2026 by Encore ${VERSION} (results schema ${results.schema_version}).`,
      );
      expect(footer("ru")).toContain(`orders.csv, анализ от 15 января 2026 г., Энкор ${VERSION}`);
    });

    it("says on its first screen which customers a filtered run covers, in either language", () => {
      const population = {
        first_order_from: "2024-07-01",
        first_order_to: "2024-09-30",
        where: { city_name: ["Москва", "Казань"] },
        segment: "2-4",
      };
      const filtered = { ...results, population };
      const summary = (lang: "en" | "ru") => {
        const html = renderReport(filtered, lang);
        return html.slice(html.indexOf('<section id="summary"'), html.indexOf("</section>"));
      };
      expect(summary("en")).toContain(
        "These figures cover only the customers whose first order was between 1 July 2024 and 30 September 2024, whose first order's city is “Москва” or “Казань”, in the segment of 2–4 orders.",
      );
      expect(summary("ru")).toContain(
        "Эти цифры — только о покупателях, чей первый заказ сделан с 1 июля 2024 г. по 30 сентября 2024 г., у которых город первого заказа — «Москва» или «Казань», из сегмента «2–4 заказа».",
      );
      // Everyone: no such line (the demo report's golden has none).
      expect(renderReport(results, "en")).not.toContain("These figures cover only");
    });

    it("has no English interface text", () => {
      const html = renderReport(results, "ru");
      const body = html.slice(html.indexOf("<body>")).replace(/<style>[\s\S]*?<\/style>/g, "");
      let text = body.replace(/<[^>]*>/g, " ").replace(/&[a-z]+;/g, " ");
      for (const value of dataValues(results)) text = text.split(value).join(" ");
      // Symbols, model names and file names are written in Latin letters in Russian texts too.
      text = text.replace(
        /φK|phik|M?BG\/NBD|\bR²|\bAUC\b|\bCRM\b|[\w/]+\.(csv|json)\b|\b[pqVUzrab]\b|\bP\d*\b/g,
        " ",
      );
      const latin = text.match(/[A-Za-z][A-Za-z'-]*/g) ?? [];
      expect([...new Set(latin)]).toEqual([]);
    });
  });
});
