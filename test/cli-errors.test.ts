import { chmod, copyFile, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { writeDemoParquet } from "../src/demo/write-demo.js";
import { csv, mountTmpfs, tempDir, unmount } from "./helpers.js";

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
    expectOneLineError(
      await run(["anlyze"]),
      2,
      /^encore: unknown command: anlyze\. Did you mean analyze\? Run encore --help/,
    );
    expectOneLineError(await run(["analyze", "--orders", "x.csv"]), 2, /--out DIR is required/);
    expectOneLineError(await run(["analyze", "--bogus"]), 2, /unknown option --bogus\. Run/);
    expectOneLineError(
      await run(["analyze", "--ordrs", "x.csv", "--out", "o"]),
      2,
      /^encore: analyze: unknown option --ordrs\. Did you mean --orders\? Run encore analyze --help$/,
    );
  });
});

/** Analyses `orders` (a file in `dir`) into dir/out with the extra flags. */
const analyze = (dir: string, ...flags: string[]) =>
  run(["analyze", "--orders", join(dir, "o.csv"), "--out", join(dir, "out"), "-q", ...flags]);

/** A directory nothing may be created in: a read-only file system for root, else mode 555. */
async function readOnlyDir(): Promise<string | null> {
  if (process.getuid?.() === 0) return mountTmpfs("ro,size=64k");
  const dir = await tempDir();
  await chmod(dir, 0o555);
  return dir;
}

describe("what used to end in a stack trace ends in one line with its exit code", () => {
  it("--out an existing file: exit 6", async () => {
    const dir = await files({ "o.csv": GOOD, taken: "x" });
    const r = await run(["analyze", "--orders", join(dir, "o.csv"), "--out", join(dir, "taken")]);
    expectOneLineError(
      r,
      6,
      /the output directory .*taken is a file, not a directory\. Give --out a directory/,
    );
  });

  it("--out under a read-only parent: exit 6, saying why", async () => {
    const parent = await readOnlyDir();
    if (!parent) return console.warn("skipped: cannot make a read-only directory here");
    try {
      const dir = await files({ "o.csv": GOOD });
      const r = await run([
        "analyze",
        "--orders",
        join(dir, "o.csv"),
        "--out",
        join(parent, "a", "b"),
      ]);
      expectOneLineError(
        r,
        6,
        /cannot create the output directory .*a\/b: (the file system is read-only|permission denied)\. Choose an output directory/,
      );
    } finally {
      if (process.getuid?.() === 0) unmount(parent);
    }
  });

  it("--memory-limit abc or 0: exit 2; memory_limit 0GB in the config: exit 3", async () => {
    const dir = await files({ "o.csv": GOOD, "c.json": JSON.stringify({ memory_limit: "0GB" }) });
    for (const limit of ["abc", "0"]) {
      expectOneLineError(
        await analyze(dir, "--memory-limit", limit),
        2,
        new RegExp(`invalid --memory-limit: ${limit}\\. Give a size with a unit`),
      );
    }
    expectOneLineError(
      await analyze(dir, "--config", join(dir, "c.json")),
      3,
      /memory_limit: expected a size above 0 with a unit/,
    );
  });

  it("a memory limit too small says DuckDB ran out of memory and how to raise it: exit 5", async () => {
    const dir = await files({ "o.csv": GOOD });
    const r = await analyze(dir, "--memory-limit", "1KB");
    expectOneLineError(
      r,
      5,
      /^encore: DuckDB ran out of memory \(memory_limit 1KB\): Out of Memory Error: .*\. Raise memory_limit \(--memory-limit or memory_limit in the config\)/,
    );
    expect(r.err[0]).not.toMatch(/orders file|Check that it is a CSV/);
  });

  it("a DATABASE_URL with a raw #, / or ? in the password: malformed, how to encode it, exit 3", async () => {
    const dir = await files({ ".env": "" });
    for (const password of ["p#ss", "p/ss", "p?ss", "12#x"]) {
      const url = `postgres://ana:${password}@db.example.com:5432/tickets`;
      const previous = process.env.DATABASE_URL;
      process.env.DATABASE_URL = url;
      try {
        const r = await run([
          "analyze",
          "--source",
          "postgres",
          "--orders",
          "demo.orders",
          "--dotenv",
          join(dir, ".env"),
          "--out",
          join(dir, "out"),
        ]);
        expectOneLineError(
          r,
          3,
          /DATABASE_URL is malformed: .*\. Percent-encode them in the user name and password: # as %23, \/ as %2F, \? as %3F, @ as %40$/,
        );
        expect(r.err[0]).not.toContain(password);
      } finally {
        if (previous === undefined) delete process.env.DATABASE_URL;
        else process.env.DATABASE_URL = previous;
      }
    }
  });

  it("a full disk under report.html: exit 6, naming the file", async () => {
    const dir = await files({ "o.csv": GOOD });
    expect((await analyze(dir)).code).toBe(0);
    const r = await run(["report", join(dir, "out", "results.json"), "--out", "/dev/full"]);
    expectOneLineError(r, 6, /^encore: cannot write \/dev\/full: the disk is full\. Free space/);
  });

  it("a full disk under the outputs of analyze: exit 6, naming the file", async () => {
    const disk = await mountTmpfs("size=64k");
    if (!disk) return console.warn("skipped: cannot mount a small file system here");
    try {
      const dir = await files({
        "o.csv": csv(
          "user_id,order_id,order_ts,revenue,event_type_main",
          ...Array.from(
            { length: 3000 },
            (_, i) => `user-${i % 700},${i},2024-06-0${1 + (i % 9)} 10:00,${i},concerts`,
          ),
        ),
      });
      const r = await run([
        "analyze",
        "--orders",
        join(dir, "o.csv"),
        "--out",
        join(disk, "out"),
        "-q",
      ]);
      expectOneLineError(r, 6, /^encore: cannot write .*out\/\S+: the disk is full\. Free space/);
    } finally {
      unmount(disk);
    }
  });

  it("a full disk or a read-only directory under encore generate: exit 6", async () => {
    const disk = await mountTmpfs("size=64k");
    if (!disk) return console.warn("skipped: cannot mount a small file system here");
    try {
      const r = await run(["generate", "--out", join(disk, "data"), "--users", "300", "-q"]);
      expectOneLineError(r, 6, /^encore: cannot write .*data.*: the disk is full\. Free space/);
    } finally {
      unmount(disk);
    }
    const parent = await readOnlyDir();
    if (!parent) return;
    try {
      const r = await run(["generate", "--out", join(parent, "data"), "-q"]);
      expectOneLineError(r, 6, /^encore: cannot create the output directory .*data: /);
    } finally {
      if (process.getuid?.() === 0) unmount(parent);
    }
  });

  it("encore report on a JSON that is no results file: exit 4, not a report of undefined", async () => {
    const dir = await files({ "empty.json": "{}", "list.json": "[1]" });
    expectOneLineError(
      await run(["report", join(dir, "empty.json")]),
      4,
      /empty\.json is not a results file: it has no schema_version, .*\. Give the results\.json that encore analyze wrote/,
    );
    expectOneLineError(await run(["report", join(dir, "list.json")]), 4, /not a results file/);
  });
});

describe("a file that is not what its name says is named, not echoed", () => {
  it("a Parquet file named .csv: what it is, a short printable excerpt, exit 4", async () => {
    const dir = await tempDir();
    await writeDemoParquet(join(dir, "o.parquet"), { users: 20, ratesFile: join(dir, "r.csv") });
    await copyFile(join(dir, "o.parquet"), join(dir, "o.csv"));
    const r = await analyze(dir);
    expectOneLineError(
      r,
      4,
      /the orders file .*o\.csv is not CSV text: it is a Parquet file \(it starts with "PAR1[ -~·]{20}…"\)\. Name it \.parquet$/,
    );
    expect(r.err[0]).toMatch(/^[ -~·…]*$/);
  });

  it("a gzip without .gz and a binary file: exit 4, no raw bytes", async () => {
    const dir = await files({ "o.csv": GOOD });
    await writeFile(join(dir, "o.csv"), gzipSync(GOOD));
    expectOneLineError(await analyze(dir), 4, /is gzip-compressed .*\. Name it \.csv\.gz$/);
    await writeFile(
      join(dir, "o.csv"),
      Buffer.from([0x75, 0x00, 0x01, 0x9b, 0x1b, 0x5b, 0x32, 0x4a]),
    );
    const r = await analyze(dir);
    expectOneLineError(
      r,
      4,
      /is not CSV text: it is not text in UTF-8 \(it starts with "u····\[2J"\)/,
    );
  });
});

describe("the column mapping", () => {
  it("matches a header padded with spaces", async () => {
    const dir = await files({
      "o.csv": csv(
        " User_ID ,order_id,order_ts,revenue",
        "u1,1,2024-06-01 10:00,100",
        "u1,2,2024-06-03 10:00,50",
      ),
    });
    const r = await analyze(dir, "--map", "user_id= User_ID ");
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe("rows read 2 = accepted 2 + rejected 0");
  });

  it("refuses one source column for two of Encore's columns: exit 4", async () => {
    const dir = await files({ "o.csv": GOOD });
    expectOneLineError(
      await analyze(dir, "--map", "user_id=order_id"),
      4,
      /the column order_id of .*o\.csv would be both user_id and order_id\. Map each of Encore's columns to a column of its own/,
    );
  });

  it("refuses a column mapped twice: exit 2", async () => {
    const dir = await files({ "o.csv": GOOD });
    expectOneLineError(
      await analyze(dir, "--map", "user_id=a", "--map", "user_id=b"),
      2,
      /invalid --map: user_id is mapped twice \(to a and to b\)\. Map each column once/,
    );
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

describe("input that would lose rows or overwrite data is refused", () => {
  const analyze = (dir: string, ...extra: string[]) =>
    run(["analyze", "--orders", join(dir, "o.csv.gz"), "--out", join(dir, "out"), "-q", ...extra]);
  const MANY = csv(
    "user_id,order_id,order_ts,revenue",
    ...Array.from({ length: 2000 }, (_, i) => `u${i % 50},${i + 1},2024-06-01 10:00,${i}`),
  );

  it("a gzip cut inside a field: truncated, not a CSV error", async () => {
    const dir = await tempDir();
    const whole = gzipSync(MANY);
    await writeFile(join(dir, "o.csv.gz"), whole.subarray(0, Math.floor(whole.length / 2)));
    expectOneLineError(
      await analyze(dir),
      4,
      /the orders file .*o\.csv\.gz is truncated or corrupt \(gzip: unexpected end of file\)\. Copy or compress it again/,
    );
  });

  it("a gzip without its trailer, its last line whole", async () => {
    const dir = await tempDir();
    const whole = gzipSync(MANY);
    await writeFile(join(dir, "o.csv.gz"), whole.subarray(0, whole.length - 8));
    expectOneLineError(await analyze(dir), 4, /o\.csv\.gz is truncated or corrupt/);
  });
});

describe("a date that is not one is a config error (exit 3), never SQL", () => {
  it.each(["2024-02-30", "2024-13-45x", "yesterday"])("--data-end %s", async (date) => {
    const dir = await files({ "o.csv": GOOD });
    const argv = ["analyze", "--orders", join(dir, "o.csv"), "--out", join(dir, "out"), "-q"];
    expectOneLineError(
      await run([...argv, "--data-end", date]),
      3,
      new RegExp(
        `^encore: invalid --data-end: ${date} is not a date\\. Give a real date as YYYY-MM-DD$`,
      ),
    );
  });

  it("a time zone that does not exist, in the config", async () => {
    const dir = await files({
      "o.csv": GOOD,
      "c.json": '{"orders": "o.csv", "timezone": "Mars/Olympus"}',
    });
    expectOneLineError(
      await run(["analyze", "--config", join(dir, "c.json"), "--out", join(dir, "out"), "-q"]),
      3,
      /c\.json is invalid: timezone: expected a time zone such as UTC or Europe\/Moscow/,
    );
  });

  it("data_end in the config", async () => {
    const dir = await files({
      "o.csv": GOOD,
      "c.json": '{"orders": "o.csv", "data_end": "2024-02-30"}',
    });
    expectOneLineError(
      await run(["analyze", "--config", join(dir, "c.json"), "--out", join(dir, "out"), "-q"]),
      3,
      /config file .*c\.json is invalid: data_end: expected a real date as YYYY-MM-DD/,
    );
  });
});
