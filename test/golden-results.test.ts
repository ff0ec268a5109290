import { readFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { runAnalysis } from "../src/analysis/run-analysis.js";
import { resolveConfig } from "../src/config/load-config.js";
import { writeDemoCsv } from "../src/demo/write-demo.js";
import { tempDir } from "./helpers.js";
import { RUN_DATE } from "./report-fixture.js";

const GOLDEN = fileURLToPath(new URL("golden/demo-2000-results.json", import.meta.url));

/** Rounds every number to 9 significant digits: parallel sums differ in the last bits. */
function normalise(value: unknown): unknown {
  if (typeof value === "number")
    return Number.isInteger(value) ? value : Number(value.toPrecision(9));
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  }
  return value;
}

/**
 * results.json is a public interface: a small seeded demo's results, every figure, are kept as a
 * golden file, so any change to a figure shows up in review. UPDATE_GOLDEN=1 rewrites it; a
 * mismatch writes the new one beside it as -changed.
 */
it("keeps the results of a small seeded demo as they were", async () => {
  const dir = await tempDir();
  await writeDemoCsv(join(dir, "data"), { users: 2000 });
  const config = resolveConfig({}, dir, {
    orders: join(dir, "data", "orders.csv"),
    rates: join(dir, "data", "rates.csv"),
  });
  const results = await runAnalysis(config, { now: RUN_DATE });
  results.input.orders = basename(results.input.orders);
  results.input.rates = results.input.rates && basename(results.input.rates);
  const actual = `${JSON.stringify(normalise(results), null, 1)}\n`;
  if (process.env.UPDATE_GOLDEN === "1") await writeFile(GOLDEN, actual);
  const expected = await readFile(GOLDEN, "utf8");
  if (actual !== expected) await writeFile(GOLDEN.replace(/\.json$/, "-changed.json"), actual);
  expect(actual).toBe(expected);
}, 60_000);
