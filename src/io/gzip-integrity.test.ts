import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { constants, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { gzipDefect } from "./gzip-integrity.js";

const TEXT = `${Array.from({ length: 200 }, (_, i) => `u${i},${i},2024-06-01,${i}`).join("\n")}\n`;
const WHOLE = gzipSync(TEXT);

async function defectOf(bytes: Buffer): Promise<string | null> {
  const path = join(await mkdtemp(join(tmpdir(), "encore-gz-")), "orders.csv.gz");
  await writeFile(path, bytes);
  return (await gzipDefect(path, "orders"))?.toLine() ?? null;
}

describe("the gzip trailer check", () => {
  it("passes a whole file, and one of two members", async () => {
    expect(await defectOf(WHOLE)).toBeNull();
    expect(await defectOf(Buffer.concat([WHOLE, gzipSync("more\n")]))).toBeNull();
  });

  it("finds a file cut short, anywhere, without its trailer", async () => {
    for (const cut of [WHOLE.length - 1, WHOLE.length - 8, Math.floor(WHOLE.length / 2), 12]) {
      expect(await defectOf(WHOLE.subarray(0, cut))).toMatch(
        /the orders file .*orders\.csv\.gz is truncated or corrupt \(gzip: unexpected end of file\)/,
      );
    }
  });

  it("finds a file whose lines are all whole but whose trailer is missing", async () => {
    // A full flush ends the compressed bytes exactly at a line end: what is there
    // decompresses cleanly, only the missing trailer tells that lines are missing.
    const flushed = gzipSync(TEXT.slice(0, 1000), { finishFlush: constants.Z_FULL_FLUSH });
    expect(await defectOf(flushed)).toMatch(/truncated or corrupt/);
  });

  it("finds a trailer that does not match: CRC-32, then length", async () => {
    for (const at of [WHOLE.length - 8, WHOLE.length - 1]) {
      const bad = Buffer.from(WHOLE);
      bad[at] = (bad[at] ?? 0) ^ 0xff;
      expect(await defectOf(bad)).toMatch(
        /truncated or corrupt \(gzip: incorrect (data|length) check\)/,
      );
    }
  });

  it("finds a file that is not gzip at all", async () => {
    expect(await defectOf(Buffer.from(TEXT))).toMatch(
      /truncated or corrupt \(gzip: incorrect header check\)/,
    );
  });
});
