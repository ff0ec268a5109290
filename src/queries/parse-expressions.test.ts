import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dialect } from "../engine/dialect.js";
import { duckdbDialect } from "../engine/duckdb/dialect.js";
import { DuckDBEngine } from "../engine/duckdb/engine.js";
import type { Bindings } from "./bindings.js";
import { parsedRowsSql } from "./parse-expressions.js";
import { ROW_COLUMN } from "./tables.js";

const COLUMNS = ["order_ts", "order_dt", "revenue", "tickets_count", "days_since_prev"] as const;
const text = (source: string) => ({ source, kind: "text" as const });
const BINDINGS: Bindings = Object.fromEntries(COLUMNS.map((c) => [c, text(c)]));
/** The same dialect without its matched-first path: every value trimmed, then matched. */
const trimmedFirst: Dialect = { ...duckdbDialect, matched: undefined };

let engine: DuckDBEngine;
beforeAll(async () => {
  engine = await DuckDBEngine.open({ threads: 1 });
});
afterAll(() => engine.close());

/** The parsed values of each row, by the DuckDB dialect and by `trimmedFirst`, side by side. */
async function bothParses(rows: readonly (string | null)[][]): Promise<[string, string][]> {
  await engine.run("DROP TABLE IF EXISTS raw");
  await engine.run(
    `CREATE TABLE raw ("${ROW_COLUMN}" BIGINT, ${COLUMNS.map((c) => `${c} VARCHAR`).join(", ")})`,
  );
  for (const [i, row] of rows.entries()) {
    await engine.run(
      `INSERT INTO raw VALUES ($1, ${COLUMNS.map((_, k) => `$${k + 2}`).join(", ")})`,
      [i, ...row],
    );
  }
  const parsed = async (d: Dialect) =>
    (
      await engine.all(`SELECT * FROM (${parsedRowsSql(d, BINDINGS, "raw")}) AS p ORDER BY e_row`)
    ).map((r) => JSON.stringify(r));
  const [fast, slow] = [await parsed(duckdbDialect), await parsed(trimmedFirst)];
  return fast.map((f, i) => [f, slow[i] as string]);
}

describe("reading values as they were written first (DuckDB's matched-first path)", () => {
  it("is on for DuckDB, whose CASE evaluates only the rows that take a branch", () => {
    expect(duckdbDialect.matched).toBeDefined();
    expect(parsedRowsSql(duckdbDialect, BINDINGS, "raw")).toContain("__encore_match_revenue");
  });

  it("parses the edges as trimming first does: padding, blanks, bounds and bad dates", async () => {
    const values = [
      null,
      "",
      " ",
      "\u00a0",
      "1",
      " 1",
      "1 ",
      "\u30001\u3000",
      "\t1",
      "+1.5",
      "-0",
      ".5",
      "5.",
      "1e400",
      "-1e400",
      "1e-400",
      "inf",
      "nan",
      "0x10",
      "1_000",
      "2024-06-03",
      "2024-06-03 10:00",
      "2024-06-03T10:00:00.1234567",
      " 2024-06-03 10:00:00 ",
      "2024-02-30",
      "2024-06-03 24:00",
      "2024-6-3",
    ];
    const rows = values.map((v) => COLUMNS.map(() => v));
    // A blank order_ts falls back to order_dt: the pairs of both.
    rows.push(...values.map((v) => [null, v, "1", "1", "1"]));
    const pairs = await bothParses(rows);
    expect(pairs.filter(([fast, slow]) => fast !== slow)).toEqual([]);
    expect(pairs).toHaveLength(rows.length);
  });

  it("parses random values as trimming first does", async () => {
    const piece = fc.constantFrom(
      " ",
      "\u00a0",
      "\t",
      "",
      "1",
      "0",
      "-",
      "+",
      ".",
      "e",
      "12",
      "2024-06-03",
      " 10:00",
      "T10:00:00",
      ":30",
      "x",
    );
    const value = fc.oneof(
      fc.constant(null),
      fc.array(piece, { maxLength: 4 }).map((parts) => parts.join("")),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(value, { minLength: COLUMNS.length, maxLength: COLUMNS.length }), {
          minLength: 1,
          maxLength: 20,
        }),
        async (rows) => {
          const pairs = await bothParses(rows);
          expect(pairs.filter(([fast, slow]) => fast !== slow)).toEqual([]);
        },
      ),
      { numRuns: 20, seed: 11 },
    );
  });
});
