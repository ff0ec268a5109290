import { access, constants, stat } from "node:fs/promises";
import { inputError } from "../errors.js";

/** Fails with a clear message when a file to read is missing, unreadable or empty. */
export async function checkReadableFile(path: string, what: string): Promise<void> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw inputError(`the ${what} file ${path} does not exist`, "Check the path");
  }
  if (!info.isFile()) throw inputError(`the ${what} path ${path} is not a file`, "Give a file");
  try {
    await access(path, constants.R_OK);
  } catch {
    throw inputError(`the ${what} file ${path} cannot be read`, "Check its permissions");
  }
  if (info.size === 0) {
    throw inputError(`the ${what} file ${path} is empty`, "Give a file with a header row and data");
  }
}
