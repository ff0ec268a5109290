import type { Engine, ExportSource } from "../engine/engine.js";
import type { OutputSet } from "../io/output-set.js";
import type { BoundSql } from "../queries/bound-sql.js";
import { aggUsersExportSql, rowCountSql, tableExportSql } from "../queries/exports.js";
import type { PlannedList } from "./customer-lists.js";

/**
 * agg_users, rejects and predictions, in every format the engine writes (CSV, and Parquet from
 * DuckDB). Text in the CSVs is guarded against spreadsheet formulas unless csvRaw. `P` marks
 * the users the order-count filter leaves out.
 */
export async function writeTables(
  engine: Engine,
  output: OutputSet,
  relations: { users: string; rejects: string; predictions: string | null },
  P: number | null,
  csvRaw: boolean,
): Promise<void> {
  const tables: ["agg_users" | "rejects" | "predictions", ExportSource][] = [
    [
      "agg_users",
      { sql: aggUsersExportSql(engine.dialect, relations.users, P), orderBy: "user_id" },
    ],
    ["rejects", { sql: tableExportSql(relations.rejects), orderBy: "row_number" }],
  ];
  if (relations.predictions !== null) {
    tables.push([
      "predictions",
      { sql: tableExportSql(relations.predictions), orderBy: "user_id" },
    ]);
  }
  for (const [name, source] of tables) {
    for (const format of engine.capabilities.exportFormats) {
      await engine.export(source, output.file(`${name}.${format}`), format, csvRaw);
    }
  }
}

/**
 * Customer lists (§14), one CSV each (the path `fileOf` gives): every list's rows are first
 * kept in a working table (`prefix` + its name), since an export reads a query without bound
 * values.
 */
export async function writeLists<N extends string>(
  engine: Engine,
  prefix: string,
  lists: readonly (PlannedList & { name: N })[],
  csvRaw: boolean,
  fileOf: (name: N) => string,
): Promise<void> {
  for (const list of lists) {
    await writeRows(engine, `${prefix}${list.name}`, list.rows, csvRaw, fileOf(list.name));
  }
}

/**
 * Rows of customers as one CSV, the most valuable first: kept in the working table `table`
 * first, since an export reads a query without bound values. Returns how many were written.
 */
export async function writeRows(
  engine: Engine,
  table: string,
  rows: BoundSql,
  csvRaw: boolean,
  file: string,
): Promise<number> {
  await engine.createTable(table, rows.sql, rows.params);
  try {
    const [count] = await engine.all(rowCountSql(table));
    const source = { sql: tableExportSql(table), orderBy: "total_revenue_rub DESC, user_id" };
    await engine.export(source, file, "csv", csvRaw);
    return Number(count?.n ?? 0);
  } finally {
    await engine.drop(table, "table");
  }
}
