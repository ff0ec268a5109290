import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { runAnalysis } from "../src/analysis/run-analysis.js";
import { loadConfig } from "../src/config/load-config.js";

const config = fileURLToPath(new URL("../data/cdnow/cdnow.config.json", import.meta.url));
const master = fileURLToPath(
  new URL("../data/cdnow/cdnow_master_transactions.csv.gz", import.meta.url),
);

/** The file's own totals, computed here without Encore. */
function fileTotals() {
  const lines = gunzipSync(readFileSync(master)).toString("utf8").trim().split("\n").slice(1);
  const customers = new Set<string>();
  let cents = 0;
  let cds = 0;
  for (const line of lines) {
    const [id, , quantity, amount] = line.split(",");
    customers.add(String(id));
    cents += Math.round(Number(amount) * 100);
    cds += Number(quantity);
  }
  return { rows: lines.length, customers: customers.size, dollars: cents / 100, cds };
}

describe("CDNOW master (Fader, Hardie & Lee 2005) through a column mapping", () => {
  it("accepts all 69,659 rows of 23,570 customers", async () => {
    const results = await runAnalysis(await loadConfig(config, {}));
    const totals = fileTotals();
    expect(totals).toMatchObject({ rows: 69659, customers: 23570 });
    expect(results.ledger.rows_read).toBe(69659);
    expect(results.ledger.rows_accepted).toBe(69659);
    expect(results.overall.users).toBe(23570);
    expect(results.overall.orders).toBe(69659);
    // Summed in a different order than here: equal to float rounding.
    expect(Math.abs(results.overall.revenue_rub - totals.dollars) / totals.dollars).toBeLessThan(
      1e-12,
    );
    // The amounts are US dollars, and the config says so.
    expect(results.currency).toEqual({ code: "usd", symbol: "$" });
    expect(results.data_start).toBe("1997-01-01");
    expect(results.data_end).toBe("1998-06-30");
    expect(results.input.absent_columns).toEqual([
      "order_ts",
      "currency_code",
      "device_type_canonical",
      "event_type_main",
      "region_name",
      "city_name",
      "service_name",
      "days_since_prev",
    ]);
  });
});
