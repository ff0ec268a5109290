import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { tempDir } from "./helpers.js";

async function generate(format: "csv" | "parquet") {
  const dir = await tempDir();
  const out: string[] = [];
  const code = await main(
    ["generate", "--out", dir, "--format", format, "--users", "150", "--seed", "7", "-q"],
    { out: (l) => out.push(l), err: () => {} },
  );
  return { code, dir, out };
}

describe("encore generate", () => {
  it.each(["csv", "parquet"] as const)(
    "writes manifest.json beside the %s orders, as its help says",
    async (format) => {
      const { code, dir, out } = await generate(format);
      expect(code).toBe(0);
      expect((await readdir(dir)).sort()).toEqual(
        ["manifest.json", `orders.${format}`, "rates.csv"].sort(),
      );
      const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8"));
      expect(manifest).toMatchObject({ seed: 7 });
      expect(out).toEqual([
        `${manifest.rowsWritten} order rows of ${manifest.users} users written to ${dir}`,
      ]);
    },
  );
});
