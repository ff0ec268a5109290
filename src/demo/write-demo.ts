import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { writeOrdersCsv, writeRatesCsv } from "./demo-files.js";
import { generateDemo } from "./generate.js";
import type { DemoManifest, DemoOptions } from "./manifest.js";

export type { DemoManifest, DemoOptions } from "./manifest.js";
export { writeDemoParquet } from "./write-parquet.js";

/**
 * Writes the demo to `dir`: `orders.csv` (the columns of ANALYSIS.md §1, with the planted
 * defects and oddities), `rates.csv` (KZT and BYN, weekdays only) and `manifest.json`,
 * which is also returned: the exact ledger the preparation of orders.csv must produce.
 */
export async function writeDemoCsv(dir: string, options?: DemoOptions): Promise<DemoManifest> {
  await mkdir(dir, { recursive: true });
  const demo = generateDemo(options);
  await writeOrdersCsv(join(dir, "orders.csv"), demo.rows);
  await writeRatesCsv(join(dir, "rates.csv"), demo.rates);
  const manifest = demo.manifest();
  await writeFile(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
