import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../../test/helpers.js";
import { DuckDBEngine } from "./engine.js";
import { describeFile, stageFile } from "./stage.js";

/**
 * Writes a file into a temporary directory (`write` gets its path and the engine), stages it
 * as enc_staged (its copy, if any, beside it), checks that `rows` were staged and hands the
 * engine to `check`; then closes the engine and removes the directory.
 */
async function withStaged(
  name: string,
  write: (file: string, engine: DuckDBEngine) => Promise<unknown>,
  rows: number,
  check: (engine: DuckDBEngine) => Promise<void>,
): Promise<void> {
  const dir = await tempDir();
  const file = join(dir, name);
  const engine = await DuckDBEngine.open({ threads: 2 });
  try {
    await write(file, engine);
    const format = name.endsWith(".parquet") ? "parquet" : "csv";
    const source = { kind: "file", format, path: file } as const;
    const columns = await describeFile(engine, source, "orders");
    const copy = join(dir, "staged.parquet");
    expect(await stageFile(engine, source, columns, "enc_staged", "row", "orders", copy)).toBe(
      rows,
    );
    await check(engine);
  } finally {
    await engine.close();
    await rm(dir, { recursive: true, force: true });
  }
}

describe("stageFile", () => {
  it("numbers a CSV's rows in file order, also when DuckDB reads it in parallel blocks", async () => {
    // 1,000,000 rows of about 40 bytes: 40MB, read by both threads in several blocks. Each row
    // carries its own line number, so any row numbered out of place is seen.
    const n = 1_000_000;
    const lines = ["line,padding"];
    for (let i = 1; i <= n; i++) lines.push(`${i},${"x".repeat(i % 61)}`);
    await withStaged(
      "rows.csv",
      (file) => writeFile(file, `${lines.join("\n")}\n`),
      n,
      async (engine) => {
        const [check] = await engine.all(
          "SELECT count(*) AS rows, count(*) FILTER (WHERE CAST(line AS BIGINT) <> row) AS misplaced, " +
            "min(row) AS first, max(row) AS last FROM enc_staged",
        );
        expect(check).toEqual({ rows: n, misplaced: 0, first: 1, last: n });
      },
    );
  });

  it("keeps a CSV's own column names, file_row_number and rowid among them", async () => {
    await withStaged(
      "orders.csv",
      (file) => writeFile(file, "user_id,file_row_number,rowid\nu1,x,7\nu2,y,8\n"),
      2,
      async (engine) => {
        expect(await engine.all("SELECT * FROM enc_staged ORDER BY row")).toEqual([
          { user_id: "u1", file_row_number: "x", rowid: "7", row: 1 },
          { user_id: "u2", file_row_number: "y", rowid: "8", row: 2 },
        ]);
      },
    );
  });

  it("numbers the rows of a Parquet file that has a column named file_row_number", async () => {
    await withStaged(
      "orders.parquet",
      (file, engine) =>
        engine.run(
          `COPY (SELECT 'u' || i AS user_id, i * 10 AS file_row_number FROM range(1, 4) AS t(i) ORDER BY i) TO '${file}' (FORMAT parquet)`,
        ),
      3,
      async (engine) => {
        expect(await engine.all("SELECT * FROM enc_staged ORDER BY row")).toEqual([
          { user_id: "u1", file_row_number: 10, row: 1 },
          { user_id: "u2", file_row_number: 20, row: 2 },
          { user_id: "u3", file_row_number: 30, row: 3 },
        ]);
      },
    );
  });
});
