import { outputError } from "../../errors.js";
import type { Engine } from "../engine.js";
import { quoteLiteral } from "../sql.js";

export type ExportFormat = "csv" | "parquet";

/** Writes the result of a query to a file, streaming inside the engine. */
export async function exportQuery(
  engine: Engine,
  sql: string,
  path: string,
  format: ExportFormat,
): Promise<void> {
  const options = format === "csv" ? "FORMAT csv, HEADER true" : "FORMAT parquet, COMPRESSION zstd";
  try {
    await engine.run(`COPY (${sql}) TO ${quoteLiteral(path)} (${options})`);
  } catch (error) {
    throw outputError(
      `cannot write ${path} (${String((error as Error).message).split("\n")[0]})`,
      "Check that the output directory is writable",
    );
  }
}
