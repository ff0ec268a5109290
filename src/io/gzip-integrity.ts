import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { type EncoreError, inputError } from "../errors.js";

/** Is the file gzipped, as its name says (the rule every reader of Encore follows)? */
export const isGzipPath = (path: string): boolean => path.toLowerCase().endsWith(".gz");

/**
 * zlib's errors are what is wrong with the bytes, whatever the reader was doing: "unexpected
 * end of file" for a cut file, "incorrect data check" or "incorrect length check" for a
 * trailer that does not match, "incorrect header check" for a file that is not gzip at all.
 */
const ZLIB_CODES = new Set(["Z_BUF_ERROR", "Z_DATA_ERROR", "Z_STREAM_ERROR", "Z_NEED_DICT"]);

export const isZlibError = (error: unknown): boolean =>
  ZLIB_CODES.has(String((error as NodeJS.ErrnoException)?.code));

/** The one line for a gzip file that cannot be decompressed to its end. */
export function gzipError(path: string, what: string, error: unknown): EncoreError {
  const detail = String((error as Error)?.message ?? error);
  return inputError(
    `the ${what} file ${path} is truncated or corrupt (gzip: ${detail})`,
    "Copy or compress it again from the original",
  );
}

/**
 * Decompresses a gzip file to its end and discards the output, so zlib checks every member's
 * trailer (CRC-32 and length): resolves to null when the file is whole, else to the error to
 * report. DuckDB, like most readers, stops at the end of the bytes it has and would take a
 * cut file for a shorter one. Never rejects, so it can run beside the read it guards.
 */
export async function gzipDefect(path: string, what: string): Promise<EncoreError | null> {
  try {
    await pipeline(
      createReadStream(path),
      createGunzip(),
      async (chunks: AsyncIterable<Buffer>) => {
        for await (const _ of chunks);
      },
    );
    return null;
  } catch (error) {
    if (isZlibError(error)) return gzipError(path, what, error);
    return inputError(
      `cannot read the ${what} file ${path} (${(error as Error).message})`,
      "Check that the file exists and can be read",
    );
  }
}
