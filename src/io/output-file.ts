import { mkdir, stat, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { EncoreError, outputError, QueryError } from "../errors.js";

/** Why a write failed, in words, by the system's error code. */
const REASONS: Record<string, string> = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  EISDIR: "it is a directory",
  ENOTDIR: "a part of the path is a file, not a directory",
  EEXIST: "it is a file, not a directory",
};

/** The same reasons as an engine (DuckDB's COPY) words them, for errors without a code. */
const REASON_TEXTS: readonly [RegExp, string][] = [
  [/no space left on device/i, "ENOSPC"],
  [/quota exceeded/i, "EDQUOT"],
  [/permission denied/i, "EACCES"],
  [/read-only file system/i, "EROFS"],
  [/is a directory/i, "EISDIR"],
  [/not a directory/i, "ENOTDIR"],
];

/** The system error code of a failed write, from the error or its text. */
export function writeErrorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && code in REASONS) return code;
  const text = String((error as Error | undefined)?.message ?? error);
  return REASON_TEXTS.find(([pattern]) => pattern.test(text))?.[1];
}

/** A failed write of an output as one line: which file, why, and what to do. */
export function outputFailure(path: string, error: unknown): EncoreError {
  const code = writeErrorCode(error);
  const reason = code
    ? REASONS[code]
    : String((error as Error | undefined)?.message ?? error).split("\n")[0];
  const hint =
    code === "ENOSPC" || code === "EDQUOT"
      ? "Free space on that disk, or write to another directory with --out"
      : "Choose an output directory you may write to (--out)";
  return outputError(`cannot write ${path}: ${reason}`, hint);
}

/** Creates the output directory (and its parents) or says in one line why it cannot. */
export async function makeOutputDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (thrown) {
    const error = (await mkdirFailure(dir)) ?? thrown;
    const code = writeErrorCode(error);
    if (code === "EEXIST") {
      throw outputError(
        `the output directory ${dir} is a file, not a directory`,
        "Give --out a directory (it is created when missing)",
      );
    }
    throw outputError(
      `cannot create the output directory ${dir}: ${code ? REASONS[code] : String((error as Error).message)}`,
      "Choose an output directory you may write to (--out)",
    );
  }
}

/**
 * Why the directory cannot be made, from making its missing parts one by one: Node's
 * recursive mkdir reports ENOENT for a read-only or forbidden parent.
 */
async function mkdirFailure(dir: string): Promise<unknown> {
  const missing: string[] = [];
  for (let path = resolve(dir); ; path = dirname(path)) {
    const found = await stat(path).then(
      () => true,
      () => false,
    );
    if (found || dirname(path) === path) break;
    missing.unshift(path);
  }
  for (const path of missing) {
    try {
      await mkdir(path);
    } catch (error) {
      return error;
    }
  }
  return undefined;
}

/** Writes one output file, or fails with one line that names it and says why. */
export async function writeOutputFile(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFile(path, data);
  } catch (error) {
    throw outputFailure(path, error);
  }
}

/**
 * Runs `write`, which writes files into `dir` (made first): a full disk, a read-only or
 * forbidden directory become one line naming the file, as for every output.
 */
export async function writingInto<T>(dir: string, write: () => Promise<T>): Promise<T> {
  await makeOutputDir(dir);
  try {
    return await write();
  } catch (error) {
    if (error instanceof EncoreError && !(error instanceof QueryError)) throw error;
    if (!writeErrorCode(error)) throw error;
    throw outputFailure((error as NodeJS.ErrnoException).path ?? dir, error);
  }
}
