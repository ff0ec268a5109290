import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { EncoreError } from "../../errors.js";
import { csvField } from "../../io/csv-field.js";
import { neutraliseFormula } from "../../io/csv-formula.js";
import { outputFailure } from "../../io/output-file.js";
import type { ExportSource } from "../engine.js";
import type { PostgresEngine } from "./engine.js";

/**
 * One value as a CSV field: NULL is an empty field, as DuckDB's COPY writes it, and an empty
 * text is quoted so that it stays apart from NULL. Text (pg gives numbers as numbers) is
 * guarded against formulas unless `raw`, as DuckDB's export does.
 */
function exportField(value: unknown, raw: boolean): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" && !raw) value = neutraliseFormula(value);
  const text = value instanceof Date ? value.toISOString() : String(value);
  return text === "" ? '""' : csvField(text);
}

/**
 * Writes a query's result to a CSV file with a header, streaming it from the server through a
 * cursor: a table of any size passes through in batches.
 */
export async function exportCsv(
  engine: PostgresEngine,
  source: ExportSource,
  path: string,
  raw = false,
): Promise<void> {
  const out = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  const write = async (text: string) => {
    if (!out.write(text)) await Promise.race([once(out, "drain"), failed]);
  };
  let header = false;
  try {
    const sql = `SELECT * FROM (${source.sql}) AS t ORDER BY ${source.orderBy}`;
    await engine.stream(sql, async (rows, fields) => {
      if (!header) {
        await write(`${fields.map((f) => exportField(f, true)).join(",")}\n`);
        header = true;
      }
      if (rows.length) {
        await write(
          rows.map((r) => `${fields.map((f) => exportField(r[f], raw)).join(",")}\n`).join(""),
        );
      }
    });
    out.end();
    await Promise.race([once(out, "finish"), failed]);
  } catch (error) {
    out.destroy();
    if (error instanceof EncoreError) throw error;
    throw outputFailure(path, error);
  }
}
