import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: the build's own script, plain JavaScript without types
import { bundleCli } from "../scripts/bundle-cli.js";
import { main } from "../src/cli/main.js";
import { writeDemoCsv } from "../src/demo/write-demo.js";
import { VERSION } from "../src/version.js";
import { differences } from "./differences.js";
import { parseCsv, tempDir } from "./helpers.js";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..");

/**
 * `encore` as it is installed runs bundled (scripts/bundle-cli.js, what bin/encore.js loads):
 * the source bundled the same way, into the project (its externals load from node_modules),
 * must run each command's heavy path (DuckDB, the report's charts and DOM, resvg's PNGs) and
 * compute what the source run in-process computes.
 */
describe("the bundled command", () => {
  let bundle: string;
  let dir: string;
  const encore = (...args: string[]) =>
    run(process.execPath, [join(bundle, "run.mjs"), ...args], { cwd: dir });

  beforeAll(async () => {
    await mkdir(join(ROOT, "test-artifacts"), { recursive: true });
    bundle = await mkdtemp(join(ROOT, "test-artifacts", "cli-bundle-"));
    await bundleCli(join(ROOT, "src", "cli", "main.ts"), bundle);
    await writeFile(
      join(bundle, "run.mjs"),
      'import { main } from "./main.js";\nprocess.exitCode = await main(process.argv.slice(2));\n',
    );
    dir = await tempDir();
    await writeDemoCsv(join(dir, "data"), { users: 400, seed: 5 });
  }, 60_000);
  afterAll(async () => {
    await rm(bundle, { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  });

  it("loads in a few files and says its version", async () => {
    const { stdout } = await encore("--version");
    expect(stdout.trim()).toBe(VERSION);
    expect((await readdir(bundle)).length).toBeLessThan(60);
  });

  it("analyses a file as the source does, report and outputs included, and draws the charts as PNG", async () => {
    const args = (out: string) => [
      "analyze",
      "--orders",
      join(dir, "data", "orders.csv"),
      "--rates",
      join(dir, "data", "rates.csv"),
      "--out",
      join(dir, out),
      "-q",
    ];
    await encore(...args("bundled"));
    expect(await main(args("source"), { out: () => {}, err: () => {} })).toBe(0);
    const results = async (out: string) => {
      const { run: _, ...figures } = JSON.parse(
        await readFile(join(dir, out, "results.json"), "utf8"),
      );
      return figures;
    };
    // Counts equal, other figures to 1e-9 (sums in parallel move in their last digits).
    const bundled = await results("bundled");
    expect(bundled.overall.users).toBeGreaterThan(300);
    expect(differences(bundled, await results("source"))).toEqual([]);
    const users = async (out: string) =>
      parseCsv(await readFile(join(dir, out, "agg_users.csv"), "utf8")).map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([k, v]) => [
            k,
            v !== "" && Number.isFinite(Number(v)) ? Number(v) : v,
          ]),
        ),
      );
    const rows = await users("bundled");
    expect(rows).toHaveLength(bundled.overall.users + bundled.filter.users_removed);
    expect(differences(rows, await users("source"))).toEqual([]);
    const html = await readFile(join(dir, "bundled", "report.html"), "utf8");
    expect(html).toContain("<svg");

    const { stdout } = await encore(
      "report",
      join(dir, "bundled", "results.json"),
      "--lang",
      "ru",
      "--out",
      join(dir, "ru.html"),
      "--png",
      join(dir, "png"),
    );
    const pngs = await readdir(join(dir, "png"));
    expect(pngs.length).toBeGreaterThan(10);
    expect(stdout).toContain(`${pngs.length} charts`);
    const png = await readFile(join(dir, "png", pngs[0] ?? ""));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
  }, 120_000);
});
