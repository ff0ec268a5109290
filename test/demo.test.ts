import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnalysisResults } from "../src/analysis/results.js";
import { runAnalysis } from "../src/analysis/run-analysis.js";
import { resolveConfig } from "../src/config/load-config.js";
import { type DemoManifest, writeDemoCsv } from "../src/demo/write-demo.js";
import { tempDir } from "./helpers.js";

/** The default demo, analysed once: its planted truths must come out of the preparation. */
let manifest: DemoManifest;
let results: AnalysisResults;

beforeAll(async () => {
  const dir = await tempDir();
  manifest = await writeDemoCsv(join(dir, "data"));
  const config = resolveConfig({}, dir, {
    orders: join(dir, "data", "orders.csv"),
    rates: join(dir, "data", "rates.csv"),
  });
  results = await runAnalysis(config, { outDir: join(dir, "out") });
}, 120_000);

describe("the demo data through the preparation", () => {
  it("recovers every injected defect at its exact count", () => {
    expect(results.ledger.rows_rejected).toEqual(manifest.defects);
    expect(results.ledger.rows_read).toBe(manifest.rowsWritten);
    expect(results.ledger.rows_accepted).toBe(manifest.cleanOrders);
  });

  it("finds the planted days_since_prev mismatches, and no others", () => {
    expect(results.preparation.days_since_prev_check).toEqual({
      compared: manifest.cleanOrders,
      mismatches: manifest.daysSincePrevMismatches,
    });
  });

  it("converts every tenge order and keeps every user", () => {
    const kzt = results.preparation.currencies.find((c) => c.currency_code === "kzt");
    expect(kzt?.orders).toBe(manifest.kztOrders);
    expect(results.filter.sensitivity[0]).toMatchObject({ q: null, users: manifest.users });
    expect(results.data_start).toBe(manifest.dataStart);
    expect(results.data_end).toBe(manifest.dataEnd);
  });

  it("resembles the original study: about 60% of users buy again, resellers are filtered out", () => {
    const [none] = results.filter.sensitivity;
    expect(none?.share_2plus).toBeGreaterThan(0.55);
    expect(none?.share_2plus).toBeLessThan(0.7);
    expect(results.filter.P).toBeGreaterThan(2);
    expect(results.filter.users_removed).toBeGreaterThan(0);
    expect(results.filter.orders_removed / results.ledger.rows_accepted).toBeGreaterThan(0.2);
  });
});
