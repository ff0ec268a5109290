import pg from "pg";
import { redact } from "../engine/redact.js";
import { configError, EncoreError, engineError, inputError, outputError } from "../errors.js";
import { gzipError, isZlibError } from "../io/gzip-integrity.js";
import { EndMarkerError } from "./end-marker-guard.js";

/** What was being loaded when something failed. */
export interface LoadStep {
  /** "orders" or "rates". */
  readonly what: string;
  readonly path: string;
  /** The table as the user named it. */
  readonly table: string;
}

/** SQLSTATE classes and codes with a message of their own (PostgreSQL, Appendix A). */
const DATA_EXCEPTION = "22";
const BAD_COPY_FORMAT = "22P04";
const DUPLICATE_TABLE = "42P07";
const INVALID_SCHEMA = "3F000";
const NO_PRIVILEGE = "42501";

export const tableExists = (table: string) =>
  outputError(
    `the table ${table} already exists`,
    "Load with --replace to drop and recreate it, or choose another table name",
  );

/** A failure while creating and filling a table, as an error the user can act on. */
export function loadError(error: unknown, step: LoadStep): EncoreError {
  if (error instanceof EncoreError) return error;
  const message = redact(String((error as Error)?.message ?? error));
  if (error instanceof pg.DatabaseError) {
    const code = error.code ?? "";
    if (code === DUPLICATE_TABLE) return tableExists(step.table);
    if (code === INVALID_SCHEMA)
      return configError(
        `cannot create the table ${step.table}: ${message}`,
        "Create the schema first, or name a table in an existing one",
      );
    if (code === NO_PRIVILEGE)
      return engineError(
        `cannot create the table ${step.table}: ${message}`,
        "Grant the user CREATE on the schema, or load into a schema it may write to",
      );
    if (code === BAD_COPY_FORMAT || code.startsWith(DATA_EXCEPTION)) {
      // `where` reads "COPY orders, line 3, column x: …"; the line is the file's, header included.
      const line = /\bline (\d+)/.exec(error.where ?? "")?.[1];
      return inputError(
        `cannot load the ${step.what} file ${step.path}${line ? ` (line ${line})` : ""}: ${message}`,
        "Check that it is a well-formed CSV file with a header row, in UTF-8",
      );
    }
    return engineError(`PostgreSQL failed while loading ${step.table}: ${message}`);
  }
  return engineError(`the load into PostgreSQL failed: ${message}`);
}

/** A failure of the file itself: missing, unreadable, a broken gzip stream. */
export function fileError(error: unknown, step: LoadStep): EncoreError {
  if (isZlibError(error)) return gzipError(step.path, step.what, error);
  return inputError(
    `cannot read the ${step.what} file ${step.path} (${(error as Error).message})`,
    error instanceof EndMarkerError
      ? 'Quote that value ("\\.") or remove the line'
      : "Check that the file exists and is intact",
  );
}
