import { execFile } from "node:child_process";
import { once } from "node:events";
import { mkdir, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runAnalysis } from "../src/analysis/run-analysis.js";
import { main } from "../src/cli/main.js";
import { resolveConfig } from "../src/config/load-config.js";
import { OutputSet } from "../src/io/output-set.js";
import { csv, tempDir } from "./helpers.js";

const ORDERS = csv(
  "user_id,order_id,order_ts,revenue",
  "u1,1,2024-06-01 10:00,100",
  "u1,2,2024-06-09 10:00,50",
  "u2,3,2024-06-02 10:00,70",
  "u2,3,2024-06-02 10:00,70",
);

async function run(argv: string[]) {
  const err: string[] = [];
  const code = await main(argv, { out: () => {}, err: (l) => err.push(l) });
  return { code, err };
}

async function setUp() {
  const dir = await tempDir();
  await writeFile(join(dir, "orders.csv"), ORDERS);
  return { dir, orders: join(dir, "orders.csv"), out: join(dir, "out") };
}

const listing = async (dir: string) => (await readdir(dir)).sort();

describe("outputs are replaced all together, or not at all", () => {
  it("a run that cannot finish leaves the previous run's outputs as they were, and nothing partial", async () => {
    const { orders, out } = await setUp();
    expect((await run(["analyze", "--orders", orders, "--out", out, "-q"])).code).toBe(0);
    const before = await listing(out);
    const usersBefore = await readFile(join(out, "agg_users.csv"), "utf8");
    // The second run reads other orders but cannot put report.html in place.
    await writeFile(orders, `${ORDERS}u3,4,2024-06-03 10:00,10\n`);
    const reportDir = join(out, "report.html");
    await rm(reportDir);
    await mkdir(reportDir);
    const failed = await run(["analyze", "--orders", orders, "--out", out, "-q"]);
    expect(failed.code).toBe(6);
    expect(failed.err).toEqual([
      `encore: cannot replace ${reportDir}: it is not a file. Remove it or choose another --out`,
    ]);
    expect(await listing(out)).toEqual(before);
    expect(await readFile(join(out, "agg_users.csv"), "utf8")).toBe(usersBefore);
  }, 60_000);

  it("a run without predictions removes the previous run's predictions", async () => {
    const { orders, out } = await setUp();
    const config = resolveConfig({}, out, { orders });
    await runAnalysis(config, { outDir: out });
    expect(await listing(out)).toContain("predictions.csv");
    expect(await listing(join(out, "lists"))).toContain("champions.csv");
    await runAnalysis(
      { ...config, prediction: { ...config.prediction, enabled: false } },
      { outDir: out },
    );
    // Without P(alive) only nudge_now could be made, and these few orders have no repeat
    // window for it: the lists go with the predictions, their folder too.
    expect(await listing(out)).toEqual([
      "agg_users.csv",
      "agg_users.parquet",
      "rejects.csv",
      "rejects.parquet",
      "results.json",
    ]);
  }, 60_000);

  it("a second run on the same --out while one is writing is refused, with a clear line", async () => {
    const { orders, out } = await setUp();
    const first = await OutputSet.open(out);
    try {
      const second = await run(["analyze", "--orders", orders, "--out", out, "-q"]);
      expect(second.code).toBe(6);
      expect(second.err).toHaveLength(1);
      expect(second.err[0]).toMatch(
        new RegExp(
          `^encore: another Encore run \\(process ${process.pid}, started .*\\) is writing to ${out}\\. Wait for it to finish, or choose another --out directory$`,
        ),
      );
    } finally {
      await first.discard();
    }
    expect((await run(["analyze", "--orders", orders, "--out", out, "-q"])).code).toBe(0);
    expect(await listing(out)).not.toContain(".encore.lock");
  }, 60_000);

  it("takes over the lock of a run that died", async () => {
    const { orders, out } = await setUp();
    const child = execFile(process.execPath, ["-e", "0"]);
    await once(child, "exit");
    await mkdir(out);
    await writeFile(join(out, ".encore.lock"), JSON.stringify({ pid: child.pid }));
    expect((await run(["analyze", "--orders", orders, "--out", out, "-q"])).code).toBe(0);
  }, 60_000);
});

describe("no output replaces an input (exit 2)", () => {
  it("--orders DIR/rejects.csv --out DIR is refused, and the file is left alone", async () => {
    const { dir } = await setUp();
    const input = join(dir, "rejects.csv");
    await writeFile(input, ORDERS);
    const r = await run(["analyze", "--orders", input, "--out", dir, "-q"]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([
      `encore: the output ${input} is the orders file ${input}: the run would overwrite its own input. Choose another --out directory`,
    ]);
    expect(await readFile(input, "utf8")).toBe(ORDERS);
  });

  it("finds the input by its real path, through a link", async () => {
    const { dir, orders } = await setUp();
    const out = join(dir, "out");
    await mkdir(out);
    await symlink(orders, join(out, "agg_users.csv"));
    const r = await run(["analyze", "--orders", orders, "--out", out, "-q"]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/agg_users\.csv is the orders file .*orders\.csv/);
    expect(await readFile(orders, "utf8")).toBe(ORDERS);
  });

  it("the rates file too, from the library", async () => {
    const { dir, orders } = await setUp();
    const rates = join(dir, "predictions.csv");
    await writeFile(rates, "date,currency_code,nominal,rate\n");
    const config = resolveConfig({}, dir, { orders, rates });
    await expect(runAnalysis(config, { outDir: dir })).rejects.toThrow(
      /the output .*predictions\.csv is the rates file/,
    );
    expect(await readFile(rates, "utf8")).toBe("date,currency_code,nominal,rate\n");
  });
});
