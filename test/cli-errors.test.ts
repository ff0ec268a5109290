import { chmod, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { csv, tempDir } from "./helpers.js";

/** Runs the CLI in-process and captures what it prints. */
async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const GOOD = csv("user_id,order_id,order_ts,revenue", "u1,1,2024-06-01 10:00,100");

async function files(entries: Record<string, string>) {
  const dir = await tempDir();
  for (const [name, text] of Object.entries(entries)) await writeFile(join(dir, name), text);
  return dir;
}

/** Bad input: one line that names the problem and what to do, a non-zero exit, no stack trace. */
function expectOneLineError(
  result: Awaited<ReturnType<typeof run>>,
  code: number,
  pattern: RegExp,
) {
  expect(result.code).toBe(code);
  expect(result.err).toHaveLength(1);
  expect(result.err[0]).toMatch(/^encore: /);
  expect(result.err[0]).toMatch(pattern);
  expect(result.err[0]).not.toMatch(/\n|\bat .*:\d+:\d+/);
}

describe("bad input gives one clear line and a non-zero exit", () => {
  it("a missing orders file", async () => {
    const dir = await tempDir();
    const r = await run([
      "analyze",
      "--orders",
      join(dir, "nope.csv"),
      "--out",
      join(dir, "out"),
      "-q",
    ]);
    expectOneLineError(r, 4, /orders file .*nope\.csv does not exist\. Check the path/);
  });

  it("an unreadable orders file", async () => {
    if (process.getuid?.() === 0) return; // root reads everything: nothing to test
    const dir = await files({ "o.csv": GOOD });
    await chmod(join(dir, "o.csv"), 0o000);
    const r = await run([
      "analyze",
      "--orders",
      join(dir, "o.csv"),
      "--out",
      join(dir, "out"),
      "-q",
    ]);
    expectOneLineError(r, 4, /cannot be read/);
  });

  it("a directory instead of a file", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "d.csv"));
    const r = await run([
      "analyze",
      "--orders",
      join(dir, "d.csv"),
      "--out",
      join(dir, "out"),
      "-q",
    ]);
    expectOneLineError(r, 4, /is not a file/);
  });

  it("an empty file", async () => {
    const dir = await files({ "o.csv": "" });
    const r = await run([
      "analyze",
      "--orders",
      join(dir, "o.csv"),
      "--out",
      join(dir, "out"),
      "-q",
    ]);
    expectOneLineError(r, 4, /orders file .* is empty/);
  });

  it("a header with no rows", async () => {
    const dir = await files({ "o.csv": "user_id,order_id,order_ts,revenue\n" });
    const r = await run([
      "analyze",
      "--orders",
      join(dir, "o.csv"),
      "--out",
      join(dir, "out"),
      "-q",
    ]);
    expectOneLineError(r, 4, /has no data rows/);
  });

  it("a missing required column", async () => {
    const dir = await files({ "o.csv": csv("user_id,order_ts,revenue", "u1,2024-06-01,100") });
    const r = await run([
      "analyze",
      "--orders",
      join(dir, "o.csv"),
      "--out",
      join(dir, "out"),
      "-q",
    ]);
    expectOneLineError(
      r,
      4,
      /has no column order_id \(it has: user_id, order_ts, revenue\)\. Map it with --map order_id=/,
    );
  });

  it("neither order_ts nor order_dt", async () => {
    const dir = await files({ "o.csv": csv("user_id,order_id,revenue", "u1,1,100") });
    const r = await run([
      "analyze",
      "--orders",
      join(dir, "o.csv"),
      "--out",
      join(dir, "out"),
      "-q",
    ]);
    expectOneLineError(r, 4, /neither order_ts nor order_dt/);
  });

  it("a mapping to a column that does not exist", async () => {
    const dir = await files({ "o.csv": GOOD });
    const r = await run([
      "analyze",
      "--orders",
      join(dir, "o.csv"),
      "--out",
      join(dir, "out"),
      "--map",
      "user_id=customer",
      "-q",
    ]);
    expectOneLineError(r, 4, /mapping user_id → "customer" names a column that .* does not have/);
  });

  it("a mapping onto a column Encore does not know", async () => {
    const dir = await files({ "o.csv": GOOD });
    const r = await run([
      "analyze",
      "--orders",
      join(dir, "o.csv"),
      "--out",
      join(dir, "out"),
      "--map",
      "customer=user_id",
    ]);
    expectOneLineError(r, 2, /invalid --map: customer is not one of Encore's columns/);
  });

  it("a malformed config: not JSON", async () => {
    const dir = await files({ "o.csv": GOOD, "c.json": "{ columns: " });
    const r = await run([
      "analyze",
      "--config",
      join(dir, "c.json"),
      "--orders",
      join(dir, "o.csv"),
      "--out",
      join(dir, "out"),
    ]);
    expectOneLineError(r, 3, /config file .*c\.json is not valid JSON/);
  });

  it("a malformed config: an unknown key and a bad value", async () => {
    const dir = await files({
      "o.csv": GOOD,
      "c.json": JSON.stringify({ colums: {}, filter_quantile: 2 }),
    });
    const r = await run(["analyze", "--config", join(dir, "c.json"), "--out", join(dir, "out")]);
    expectOneLineError(
      r,
      3,
      /config file .* is invalid: .*filter_quantile.*colums|config file .* is invalid: .*colums.*filter_quantile/,
    );
  });

  it("a missing config file", async () => {
    const dir = await tempDir();
    const r = await run(["analyze", "--config", join(dir, "none.json"), "--out", join(dir, "out")]);
    expectOneLineError(r, 3, /cannot read the config file/);
  });

  it("a CSV line with too many fields", async () => {
    const dir = await files({ "o.csv": `${GOOD}u2,2,2024-06-01,5,extra\n` });
    const r = await run([
      "analyze",
      "--orders",
      join(dir, "o.csv"),
      "--out",
      join(dir, "out"),
      "-q",
    ]);
    expectOneLineError(r, 4, /cannot read the orders file .*\. Check that it is a CSV file/);
  });

  it("a file of unknown format", async () => {
    const dir = await files({ "o.xlsx": "x" });
    const r = await run(["analyze", "--orders", join(dir, "o.xlsx"), "--out", join(dir, "out")]);
    expectOneLineError(r, 3, /cannot tell the format/);
  });

  it("an unknown command and a missing flag", async () => {
    expectOneLineError(await run(["analyse"]), 2, /unknown command: analyse/);
    expectOneLineError(await run(["analyze", "--orders", "x.csv"]), 2, /--out DIR is required/);
    expectOneLineError(await run(["analyze", "--bogus"]), 2, /Unknown option/);
  });
});

describe("help", () => {
  it("every command has --help", async () => {
    for (const command of ["analyze", "demo", "generate"]) {
      const r = await run([command, "--help"]);
      expect(r.code).toBe(0);
      expect(r.out.join("\n")).toMatch(new RegExp(`^Usage: encore ${command}`));
    }
    expect((await run(["--help"])).out.join("\n")).toMatch(/Commands:/);
  });
});
