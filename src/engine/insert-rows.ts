import type { Engine, SqlValue } from "./engine.js";
import { quoteIdent } from "./sql.js";

/** Inserts rows into a working table in batches of bound values (at most 2,000 per statement). */
export async function insertRows(
  engine: Engine,
  table: string,
  columns: readonly string[],
  rows: readonly SqlValue[][],
): Promise<void> {
  const batch = Math.max(1, Math.floor(2000 / columns.length));
  for (let i = 0; i < rows.length; i += batch) {
    const params: SqlValue[] = [];
    const values = rows.slice(i, i + batch).map((row) => {
      const marks = row.map((v) => {
        params.push(v);
        return `$${params.length}`;
      });
      return `(${marks.join(", ")})`;
    });
    await engine.run(
      `INSERT INTO ${table} (${columns.map(quoteIdent).join(", ")}) VALUES ${values.join(", ")}`,
      params,
    );
  }
}
