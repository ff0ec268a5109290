import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { studyResults } from "../../analysis/findings/fixture.test-helpers.js";
import { predictionFixture } from "../../analysis/prediction-fixture.test-helpers.js";
import type { AnalysisResults } from "../../analysis/results.js";
import type { Lang } from "../../text/lang.js";
import { renderReport } from "../render-report.js";

function results(): AnalysisResults {
  const r: AnalysisResults = {
    ...studyResults(),
    prediction: predictionFixture(),
    findings: [],
    recommendations: [],
  };
  r.filter = {
    q: 0.9,
    P: 15,
    users_removed: 12,
    orders_removed: 340,
    revenue_removed_rub: 91_000,
    sensitivity: [
      {
        q: 0.9,
        P: 15,
        users: 1000,
        share_2plus: 0.6,
        share_5plus: 0.15,
        mean_avg_revenue_rub: 2900,
      },
    ],
  } as AnalysisResults["filter"];
  return r;
}

/** Every table of the report as its header row and body rows of cell texts. */
function tables(lang: Lang) {
  const { document } = new JSDOM(renderReport(results(), lang)).window;
  return [...document.querySelectorAll("table")].map((t) => ({
    section: t.closest("section")?.id ?? "",
    headers: [...t.querySelectorAll("th")].map((th) => th.textContent ?? ""),
    rows: [...t.querySelectorAll("tbody tr")].map((tr) =>
      [...tr.querySelectorAll("td")].map((td) => td.textContent ?? ""),
    ),
    svgBefore: t.closest("div.keep")?.previousElementSibling?.querySelector("svg") ?? null,
  }));
}

describe("the report's tables", () => {
  for (const lang of ["en", "ru"] as const) {
    it(`does not repeat the ₽ of a column headed in roubles in its cells (${lang})`, () => {
      let columns = 0;
      for (const t of tables(lang)) {
        t.headers.forEach((h, i) => {
          if (!h.endsWith("₽")) return;
          columns++;
          for (const row of t.rows) expect(row[i], `${t.section}: ${h}`).not.toContain("₽");
        });
      }
      // The currency table is empty here: the segments' revenue and the customer value.
      expect(columns).toBeGreaterThanOrEqual(2);
    });
  }

  it("prints the order-count threshold as a whole number of orders", () => {
    const { document } = new JSDOM(renderReport(results(), "en")).window;
    for (const svg of document.querySelectorAll("svg")) svg.remove();
    const text = document.body.textContent ?? "";
    expect(text).toContain("(P = 15)");
    // 15.0% (the share with 5+ orders) is a share, not the threshold.
    expect(text).not.toMatch(/15\.0(?!%)/);
    const sensitivity = tables("en").find((t) => t.headers.includes("Threshold P, orders"));
    expect(sensitivity?.rows[0]?.[1]).toBe("15");
  });

  it("lists each entry point's values in the order its chart ranks them, by repeat rate", () => {
    const entry = tables("en").filter((t) => t.section === "entry-points");
    expect(entry.map((t) => t.rows.map((r) => r[0]))).toEqual([
      // concerts 68%, theatre 60%, then other and sport both at 40%, by name
      ["concerts ★", "theatre", "other", "sport"],
      ["desktop", "mobile"],
      ["Moscow ★", "Kazan", "unknown"],
    ]);
    for (const t of entry) {
      const ticks = [
        ...(t.svgBefore?.querySelectorAll('[aria-label="y-axis tick label"] text') ?? []),
      ].map((text) => text.textContent?.split(" · ")[0]);
      expect(ticks).toEqual(t.rows.map((r) => r[0]?.replace(" ★", "")));
    }
  });
});
