import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { EncoreError, outputError } from "../../errors.js";
import { csvField } from "../../io/csv-field.js";
import type { ClickHouseEngine } from "./engine.js";

/** One value as a CSV field: NULL is empty, as DuckDB writes it; an empty text is quoted. */
function exportField(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return text === "" ? '""' : csvField(text);
}

/** Writes a query's result to a CSV file with a header, streamed from ClickHouse in batches. */
export async function exportCsv(
  engine: ClickHouseEngine,
  sql: string,
  path: string,
): Promise<void> {
  const out = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  const write = async (text: string) => {
    if (!out.write(text)) await Promise.race([once(out, "drain"), failed]);
  };
  try {
    await engine.stream(sql, async (rows, fields) => {
      if (!rows.length) return write(`${fields.map(exportField).join(",")}\n`);
      await write(rows.map((r) => `${fields.map((f) => exportField(r[f])).join(",")}\n`).join(""));
    });
    out.end();
    await Promise.race([once(out, "finish"), failed]);
  } catch (error) {
    out.destroy();
    if (error instanceof EncoreError) throw error;
    throw outputError(
      `cannot write ${path} (${(error as Error).message})`,
      "Check that the output directory is writable",
    );
  }
}
