import { open } from "node:fs/promises";
import { inputError } from "../errors.js";

/** The first bytes of the formats a file named .csv turns out to be. */
const MAGIC: readonly [Uint8Array, string][] = [
  [Buffer.from("PAR1"), "a Parquet file: name it .parquet"],
  [Buffer.from([0x1f, 0x8b]), "gzip-compressed: name it .csv.gz"],
  [Buffer.from("PK\u0003\u0004"), "a ZIP archive (an Excel workbook is one): export it as CSV"],
];

/**
 * A short excerpt of content that is not text, safe to print: at most `max` characters,
 * printable ASCII as it is and every other byte or character as "·".
 */
export function printableExcerpt(text: string, max = 24): string {
  const chars = [...text];
  const shown = chars
    .slice(0, max)
    .map((c) => (c >= " " && c <= "~" ? c : "·"))
    .join("");
  return chars.length > max ? `${shown}…` : shown;
}

/** Control characters other than line breaks and tabs, or bytes that are not UTF-8. */
const looksBinary = (text: string) =>
  [...text].some((c) => c === "\ufffd" || (/\p{Cc}/u.test(c) && !"\t\n\r\f".includes(c)));

/**
 * Refuses a file to be read as CSV text whose bytes are something else (a Parquet file, a
 * gzip without .gz in its name, a workbook, any binary), saying what it looks like and
 * quoting only a short printable excerpt, never the raw bytes.
 */
export async function assertTextFile(path: string, what: string): Promise<void> {
  // A file that cannot be opened is reported by whoever reads it next, with its own words.
  const file = await open(path, "r").catch(() => null);
  if (!file) return;
  let head: Buffer;
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(512), 0, 512, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
  // A .gz file is compressed on purpose; its header is checked once it is unpacked.
  if (/\.gz$/i.test(path)) return;
  const known = MAGIC.find(([magic]) => head.subarray(0, magic.length).equals(magic));
  if (known) {
    throw inputError(
      `the ${what} file ${path} is not CSV text: it is ${known[1].split(": ")[0]} (it starts with "${printableExcerpt(head.toString("latin1"))}")`,
      `${capitalised(known[1].split(": ")[1] ?? "give a CSV file")}`,
    );
  }
  // The last bytes may be a character cut in two: only whole characters count.
  const text = head.toString("utf8").replace(/\ufffd$/u, "");
  if (looksBinary(text)) throw notText(path, what, text);
}

/** Refuses a header line that is not text (read after unpacking a .gz). */
export function assertTextLine(line: string, path: string, what: string): void {
  if (looksBinary(line)) throw notText(path, what, line);
}

function notText(path: string, what: string, text: string): Error {
  return inputError(
    `the ${what} file ${path} is not CSV text: it is not text in UTF-8 (it starts with "${printableExcerpt(text)}")`,
    "Give a CSV file in UTF-8, or name the file after its format (.parquet, .csv.gz)",
  );
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
