import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ORDER_COLUMNS } from "../model/columns.js";
import { writeDemoCsv } from "./write-demo.js";

const dirs: string[] = [];
const fresh = async () => {
  const dir = await mkdtemp(join(tmpdir(), "encore-demo-"));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("writeDemoCsv", () => {
  it("writes byte-identical files for the same seed, different ones for another", async () => {
    const [a, b, c] = [await fresh(), await fresh(), await fresh()];
    await writeDemoCsv(a, { users: 300, seed: 5 });
    await writeDemoCsv(b, { users: 300, seed: 5 });
    await writeDemoCsv(c, { users: 300, seed: 6 });
    for (const file of ["orders.csv", "rates.csv", "manifest.json"]) {
      expect(await readFile(join(b, file))).toEqual(await readFile(join(a, file)));
    }
    expect(await readFile(join(c, "orders.csv"))).not.toEqual(
      await readFile(join(a, "orders.csv")),
    );
  });

  it("writes the §1 header, one line per row, and the manifest it returns", async () => {
    const dir = await fresh();
    const manifest = await writeDemoCsv(dir, { users: 200 });
    const orders = await readFile(join(dir, "orders.csv"), "utf8");
    const lines = orders.trimEnd().split("\n");
    expect(lines[0]).toBe(ORDER_COLUMNS.join(","));
    expect(lines.length - 1).toBe(manifest.rowsWritten);
    const rates = (await readFile(join(dir, "rates.csv"), "utf8")).trimEnd().split("\n");
    expect(rates[0]).toBe("date,currency_code,nominal,rate");
    expect(rates.length - 1).toBe(manifest.ratesRows);
    expect(JSON.parse(await readFile(join(dir, "manifest.json"), "utf8"))).toEqual(manifest);
    expect(manifest).toMatchObject({ seed: 20240601, users: 200 });
  });

  it("rejects an invalid size", async () => {
    await expect(writeDemoCsv(await fresh(), { users: 0 })).rejects.toThrow(
      "invalid demo users: 0",
    );
  });
});
