import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { writeDemoCsv } from "../src/demo/write-demo.js";
import { ClickHouseEngine } from "../src/engine/clickhouse/engine.js";
import { tempDir } from "./helpers.js";

async function run(argv: string[], env: Record<string, string>) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const out: string[] = [];
  const err: string[] = [];
  try {
    const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  } finally {
    process.env = saved;
  }
}

describe("encore load --to clickhouse", () => {
  const quiet = ["--quiet", "--dotenv", "/nonexistent/.env"];

  it("loads the demo into the embedded engine's directory, NAME and NAME_rates", async () => {
    const dir = await tempDir();
    const manifest = await writeDemoCsv(join(dir, "demo"), { users: 100, seed: 2 });
    const db = join(dir, "ch");
    const argv = ["load", "--to", "clickhouse", "--orders", join(dir, "demo", "orders.csv")];
    const r = await run(
      [...argv, "--rates", join(dir, "demo", "rates.csv"), "--table", "orders", ...quiet],
      { CLICKHOUSE_URL: `chdb:${db}` },
    );
    expect(r).toEqual({
      code: 0,
      out: [
        `${manifest.rowsWritten} order rows loaded into orders`,
        `${manifest.ratesRows} rate rows loaded into orders_rates`,
      ],
      err: [],
    });
    // The tables outlive the load: they are in the directory for an analysis to read.
    const engine = await ClickHouseEngine.connect({ connection: { kind: "chdb", dir: db } });
    try {
      expect(await engine.all("SELECT count() AS n FROM orders_rates")).toEqual([
        { n: manifest.ratesRows },
      ]);
    } finally {
      await engine.close();
    }
  });

  it("a server that is down: one line, exit code 5, no password", async () => {
    const dir = await tempDir();
    const file = join(dir, "o.csv");
    await writeFile(file, "id\n1\n");
    const r = await run(
      ["load", "--to", "clickhouse", "--orders", file, "--table", "t", ...quiet],
      { CLICKHOUSE_URL: "http://ana:s3cret-pw@127.0.0.1:1/shop" },
    );
    expect(r.code).toBe(5);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(
      /^encore: cannot connect to ClickHouse at http:\/\/127\.0\.0\.1:1\/shop: .*ECONNREFUSED/,
    );
    expect(r.err[0]).not.toContain("s3cret-pw");
  });
});
