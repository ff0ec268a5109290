import { readdir, rm, writeFile } from "node:fs/promises";
import { totalmem } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mountTmpfs, tempDir, unmount } from "../../../test/helpers.js";
import { EncoreError, QueryError } from "../../errors.js";
import { INSERTED_COLUMNS, insertedRows } from "../insert-rows.test-helpers.js";
import { blockPool, DuckDBEngine } from "./engine.js";

describe("DuckDBEngine", () => {
  it("keeps working tables and views, and drops them", async () => {
    const engine = await DuckDBEngine.open();
    try {
      await engine.createTable("enc_t", "SELECT * FROM range(5) AS t(i)");
      await engine.createView("enc_v", "SELECT sum(i) AS s FROM enc_t");
      expect(await engine.all("SELECT s FROM enc_v")).toEqual([{ s: 10 }]);
      await engine.drop("enc_v", "view");
      await engine.drop("enc_t", "table");
      await expect(engine.all("SELECT * FROM enc_t")).rejects.toThrow(/enc_t/);
    } finally {
      await engine.close();
    }
  });

  it("forks a second session on the same tables, in the same zone, that runs beside the first and closes alone", async () => {
    const engine = await DuckDBEngine.open({ timeZone: "Asia/Tokyo" });
    try {
      await engine.createTable("enc_t", "SELECT * FROM range(2000000) AS t(i)");
      const side = await engine.fork();
      await side.createView("enc_v", "SELECT count(*) AS n FROM enc_t");
      const [zone] = await side.all("SELECT current_setting('TimeZone') AS zone");
      expect(zone?.zone).toBe("Asia/Tokyo");
      // A statement on each session at once: both answer.
      const [a, b] = await Promise.all([
        engine.all("SELECT sum(i) AS s FROM enc_t"),
        side.all("SELECT n FROM enc_v"),
      ]);
      expect(a).toEqual([{ s: 1999999000000 }]);
      expect(b).toEqual([{ n: 2000000 }]);
      await side.close();
      expect(await engine.all("SELECT n FROM enc_v")).toEqual([{ n: 2000000 }]);
    } finally {
      await engine.close();
    }
  });

  it("appends rows to a working table, each value cast to its column's type as SQL casts it", async () => {
    const engine = await DuckDBEngine.open();
    try {
      await engine.createTable(
        "enc_t",
        "SELECT CAST(0 AS INTEGER) AS x, CAST(NULL AS DATE) AS day, CAST(0 AS DOUBLE) AS v, " +
          "CAST('' AS VARCHAR) AS name WHERE 1 = 0",
      );
      const rows = insertedRows(5000);
      rows.push([2.5, null, Number.NaN, null]);
      await engine.insert("enc_t", INSERTED_COLUMNS, rows);
      expect(
        await engine.all(
          "SELECT count(*) AS n, sum(x) AS sx, count(day) AS days, min(CAST(day AS VARCHAR)) AS d FROM enc_t",
        ),
      ).toEqual([{ n: 5001, sx: 12497502, days: 5000, d: "2024-02-29" }]);
      // Doubles exactly as given; 2.5 becomes 2, as CAST(2.5 AS INTEGER) does (ties to even).
      expect(
        await engine.all("SELECT x, v, name FROM enc_t WHERE x IN (2, 4999) ORDER BY x, name"),
      ).toEqual([
        { x: 2, v: 2 / 7, name: "it's 2" },
        { x: 2, v: Number.NaN, name: null },
        { x: 4999, v: 4999 / 7, name: "it's 4999" },
      ]);
      await expect(engine.insert("enc_t", ["x"], [[1]])).rejects.toThrow(
        /enc_t has 4 columns, not 1/,
      );
      const bad = engine.insert("enc_t", INSERTED_COLUMNS, [[1, "2024-13-45", 0, ""]]);
      await expect(bad).rejects.toThrow(QueryError);
      await expect(bad).rejects.toThrow(/date field value out of range.*2024-13-45/);
      // The rows before it stay; the engine goes on.
      expect(await engine.all("SELECT count(*) AS n FROM enc_t")).toEqual([{ n: 5001 }]);
    } finally {
      await engine.close();
    }
  });

  it("binds whole numbers past int64 as the doubles they are", async () => {
    const engine = await DuckDBEngine.open();
    try {
      const rows = await engine.all("SELECT $1 > $2 AS above, $3 + 1 AS small", [1e20, 1e19, 3]);
      expect(rows).toEqual([{ above: true, small: 4 }]);
    } finally {
      await engine.close();
    }
  });

  it("keeps a pool of block memory as large as the memory limit, at most a quarter of the machine's", () => {
    const machine = 16 * 2 ** 30;
    expect(blockPool("1GB", machine)).toEqual({ block_allocator_memory: "1024MiB" });
    expect(blockPool("300MB", machine)).toEqual({ block_allocator_memory: "300MiB" });
    expect(blockPool("1.5GiB", machine)).toEqual({ block_allocator_memory: "1536MiB" });
    expect(blockPool("100TB", machine)).toEqual({ block_allocator_memory: "4096MiB" });
    // A limit DuckDB reads otherwise (its own error, if any, says so): no pool is asked for.
    expect(blockPool("80%", machine)).toEqual({});
  });

  it("runs with a memory limit far beyond the machine's: the pool stays within it (DuckDB aborted the process)", async () => {
    const engine = await DuckDBEngine.open({ memoryLimit: "100TB" });
    try {
      const [row] = await engine.all(
        "SELECT count(*) AS groups FROM (SELECT i % 1000 AS g FROM range(1000000) AS t(i) GROUP BY g) AS x",
      );
      expect(row).toEqual({ groups: 1000 });
      const [pool] = await engine.all(
        "SELECT value FROM duckdb_settings() WHERE name = 'block_allocator_memory'",
      );
      // DuckDB shows it rounded, e.g. "5.8 GiB".
      const [, size, unit] = /^([\d.]+) (MiB|GiB)$/.exec(String(pool?.value)) ?? [];
      const bytes = Number(size) * 2 ** (unit === "GiB" ? 30 : 20);
      expect(bytes).toBeGreaterThan(0);
      expect(bytes).toBeLessThanOrEqual((totalmem() / 4) * 1.01);
    } finally {
      await engine.close();
    }
  });

  it("cancels the running statement (Ctrl-C) with a clear message", async () => {
    const engine = await DuckDBEngine.open();
    try {
      const running = engine
        .all("SELECT count(*) AS n FROM range(100000000000) AS a(i) WHERE i % 7 = 3")
        .then(
          () => null,
          (e: unknown) => e,
        );
      await new Promise((resolve) => setTimeout(resolve, 200));
      const started = performance.now();
      await engine.cancel();
      const error = await running;
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(error).toBeInstanceOf(EncoreError);
      expect((error as EncoreError).message).toBe("the analysis was cancelled");
    } finally {
      await engine.close();
    }
  });
});

describe("DuckDBEngine's limits, told apart from bad input", () => {
  it("a full spill directory: names the directory and the settings that move it", async () => {
    const disk = await mountTmpfs("size=64k");
    if (!disk) return console.warn("skipped: cannot mount a small file system here");
    const engine = await DuckDBEngine.open({ memoryLimit: "30MB", tempDirectory: disk });
    try {
      const error = await engine
        .run("CREATE TABLE big AS SELECT range AS i, md5(range::VARCHAR) AS s FROM range(3000000)")
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(EncoreError);
      expect((error as EncoreError).toLine()).toBe(
        `encore: the temporary directory ${disk} is full: DuckDB keeps its copy of a CSV there and spills its working data past memory_limit 30MB. Free space there, or point temp_directory in the config (or TMPDIR) at a disk with room`,
      );
    } finally {
      await engine.close();
      unmount(disk);
    }
  });

  it("a CSV whose copy does not fit the temporary directory: the same message, nothing left behind", async () => {
    const disk = await mountTmpfs("size=256k");
    if (!disk) return console.warn("skipped: cannot mount a small file system here");
    const dir = await tempDir();
    const file = join(dir, "orders.csv");
    const lines = ["user_id,order_id"];
    for (let i = 1; i <= 100_000; i++) lines.push(`user-${i},${i}`);
    await writeFile(file, `${lines.join("\n")}\n`);
    const engine = await DuckDBEngine.open({ tempDirectory: disk });
    try {
      const source = { kind: "file", format: "csv", path: file } as const;
      const columns = await engine.describe(source, "orders");
      const error = await engine.stage(source, columns, "enc_raw", "row", "orders").then(
        () => null,
        (e: unknown) => e,
      );
      expect((error as EncoreError).toLine()).toBe(
        `encore: the temporary directory ${disk} is full: DuckDB keeps its copy of a CSV there and spills its working data past memory_limit 1GB. Free space there, or point temp_directory in the config (or TMPDIR) at a disk with room`,
      );
    } finally {
      await engine.close();
      expect(await readdir(disk)).toEqual([]);
      unmount(disk);
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("a statement's own error is one line, without DuckDB's advice", async () => {
    const engine = await DuckDBEngine.open();
    try {
      const error = await engine.all("SELECT * FROM read_csv('/no/such/file.csv')").then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(QueryError);
      expect((error as QueryError).toLine()).toMatch(/^encore: DuckDB failed: IO Error: [^\n]*$/);
    } finally {
      await engine.close();
    }
  });
});
