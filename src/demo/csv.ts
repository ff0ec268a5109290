import type { FileHandle } from "node:fs/promises";
import { csvField } from "../io/csv-field.js";

export const csvLine = (cells: readonly string[]): string => `${cells.map(csvField).join(",")}\n`;

const CHUNK_CHARS = 1 << 20;

/** Writes a header and rows to an open file in ~1 MB chunks, so no file is built in memory. */
export async function writeCsv(
  handle: FileHandle,
  header: readonly string[],
  rows: Iterable<readonly string[]>,
): Promise<void> {
  let chunk = csvLine(header);
  for (const cells of rows) {
    chunk += csvLine(cells);
    if (chunk.length >= CHUNK_CHARS) {
      await handle.write(chunk);
      chunk = "";
    }
  }
  await handle.write(chunk);
}
