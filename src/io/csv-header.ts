import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { inputError } from "../errors.js";
import { gzipError, isGzipPath, isZlibError } from "./gzip-integrity.js";
import { assertTextFile, assertTextLine } from "./sniff-text.js";

/** Reads the first line of a CSV file (gzipped or not) without reading the rest. */
export async function readFirstLine(path: string, what = "input"): Promise<string> {
  const raw = createReadStream(path);
  const stream = isGzipPath(path) ? raw.pipe(createGunzip()) : raw;
  let text = "";
  try {
    for await (const chunk of stream) {
      text += chunk.toString("utf8");
      const end = text.search(/\r?\n/);
      if (end >= 0) return text.slice(0, end);
      if (text.length > 1_000_000) break;
    }
  } catch (error) {
    if (isZlibError(error)) throw gzipError(path, what, error);
    throw inputError(
      `cannot read ${path} (${(error as Error).message})`,
      "Check that the file is intact",
    );
  } finally {
    raw.destroy();
  }
  return text;
}

/** Splits a CSV header line into names (RFC 4180 quoting). */
export function parseHeader(line: string, delimiter: string): string[] {
  const names: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      names.push(field);
      field = "";
    } else field += ch;
  }
  names.push(field);
  return names.map((n, i) => (i === 0 ? n.replace(/^\uFEFF/, "") : n));
}

/** The column names of a CSV file, checked: none blank, none repeated. */
export async function csvColumns(path: string, delimiter: string, what: string): Promise<string[]> {
  await assertTextFile(path, what);
  const line = await readFirstLine(path, what);
  assertTextLine(line, path, what);
  const names = parseHeader(line, delimiter);
  const seen = new Set<string>();
  for (const [i, name] of names.entries()) {
    if (name.trim() === "") {
      throw inputError(
        `the ${what} file ${path} has a blank column name (column ${i + 1} of the header)`,
        "Give every column a name in the header row",
      );
    }
    if (seen.has(name)) {
      throw inputError(
        `the ${what} file ${path} has the column ${name} twice`,
        "Give every column a distinct name",
      );
    }
    seen.add(name);
  }
  return names;
}
