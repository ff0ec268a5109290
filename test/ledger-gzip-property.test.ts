import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { constants, gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runAnalysis } from "../src/analysis/run-analysis.js";
import { resolveConfig } from "../src/config/load-config.js";
import { EncoreError } from "../src/errors.js";
import { csv, tempDir } from "./helpers.js";

const ROWS = Array.from(
  { length: 300 },
  (_, i) =>
    `u${i % 37},${i + 1},2024-06-${String(1 + (i % 28)).padStart(2, "0")} 10:00,${(i * 7) % 500}`,
);
const TEXT = csv("user_id,order_id,order_ts,revenue", ...ROWS);
// One gzip member: a file of several cut between two members is a valid gzip of fewer
// rows, which no reader can tell from the real thing.
const WHOLE = gzipSync(TEXT, { level: 1 });

/** rows_read, or the error's line when the run fails with a user error. */
async function readGzip(bytes: Buffer): Promise<number | string> {
  const dir = await tempDir();
  const path = join(dir, "orders.csv.gz");
  await writeFile(path, bytes);
  const config = resolveConfig({}, dir, { orders: path, predict: false });
  try {
    return (await runAnalysis(config)).ledger.rows_read;
  } catch (error) {
    if (!(error instanceof EncoreError)) throw error;
    expect(error.code).toBe("input");
    return error.toLine();
  }
}

describe("the ledger of a gzipped file (ANALYSIS.md §2)", () => {
  it("reads every row of the whole file", async () => {
    expect(await readGzip(WHOLE)).toBe(ROWS.length);
  });

  it("either reads every row or fails as truncated, wherever the file is cut", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: WHOLE.length }), async (cut) => {
        const outcome = await readGzip(WHOLE.subarray(0, cut));
        if (cut === WHOLE.length) expect(outcome).toBe(ROWS.length);
        else expect(outcome).toMatch(/orders\.csv\.gz is truncated or corrupt \(gzip: /);
      }),
      { numRuns: 25, seed: 20240601 },
    );
  }, 120_000);

  it("fails as truncated when the cut falls exactly at a line end", async () => {
    const lines = TEXT.slice(0, TEXT.indexOf("\n", TEXT.length / 2) + 1);
    const cut = gzipSync(lines, { finishFlush: constants.Z_FULL_FLUSH });
    expect(await readGzip(cut)).toMatch(/truncated or corrupt \(gzip: unexpected end of file\)/);
  });
});
