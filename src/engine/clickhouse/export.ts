import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { EncoreError } from "../../errors.js";
import { csvField } from "../../io/csv-field.js";
import { neutraliseFormula } from "../../io/csv-formula.js";
import { outputFailure } from "../../io/output-file.js";
import type { ExportSource } from "../engine.js";
import type { ClickHouseEngine } from "./engine.js";

/**
 * One value as a CSV field: NULL is empty, as DuckDB writes it; an empty text is quoted. Text
 * (numbers arrive as numbers) is guarded against formulas unless `raw`, as DuckDB's export does.
 */
function exportField(value: unknown, raw: boolean): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" && !raw ? neutraliseFormula(value) : String(value);
  return text === "" ? '""' : csvField(text);
}

/** Writes a query's rows, sorted, to a CSV file with a header, streamed from ClickHouse in batches. */
export async function exportCsv(
  engine: ClickHouseEngine,
  source: ExportSource,
  path: string,
  raw = false,
): Promise<void> {
  const out = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  const write = async (text: string) => {
    if (!out.write(text)) await Promise.race([once(out, "drain"), failed]);
  };
  try {
    const sql = `SELECT * FROM (${source.sql}) AS t ORDER BY ${source.orderBy}`;
    await engine.stream(sql, async (rows, fields) => {
      if (!rows.length) return write(`${fields.map((f) => exportField(f, true)).join(",")}\n`);
      await write(
        rows.map((r) => `${fields.map((f) => exportField(r[f], raw)).join(",")}\n`).join(""),
      );
    });
    out.end();
    await Promise.race([once(out, "finish"), failed]);
  } catch (error) {
    out.destroy();
    if (error instanceof EncoreError) throw error;
    throw outputFailure(path, error);
  }
}
