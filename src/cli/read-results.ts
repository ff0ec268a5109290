import { readFile } from "node:fs/promises";
import { type AnalysisResults, SCHEMA_VERSION } from "../analysis/results.js";
import { inputError } from "../errors.js";

/** The sections the report reads: a file without them is not a results.json of encore analyze. */
const SECTIONS = [
  "schema_version",
  "input",
  "ledger",
  "preparation",
  "filter",
  "overall",
  "repeat",
  "entry_points",
  "revenue",
  "time_between_purchases",
  "segments",
  "findings",
  "recommendations",
  "notes",
] as const;

const HINT = "Give the results.json that encore analyze wrote";

/** Reads a results.json for `encore report`, refusing with one line what the report cannot read. */
export async function readResults(file: string): Promise<AnalysisResults> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw inputError(`cannot read ${file}: ${(error as Error).message}`, HINT);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw inputError(`${file} is not JSON: ${(error as Error).message}`, HINT);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw inputError(`${file} is not a results file: it holds no object`, HINT);
  }
  const missing = SECTIONS.filter((key) => !(key in json));
  if (missing.length) {
    throw inputError(`${file} is not a results file: it has no ${missing.join(", ")}`, HINT);
  }
  const version = String((json as { schema_version: unknown }).schema_version);
  if (version.split(".")[0] !== SCHEMA_VERSION.split(".")[0]) {
    throw inputError(
      `${file} has schema_version ${version}; this Encore reads ${SCHEMA_VERSION}`,
      "Run encore analyze again to write it anew",
    );
  }
  return json as AnalysisResults;
}
