import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { z } from "zod";
import { configError } from "../errors.js";
import { isOrderColumn, type OrderColumn } from "../model/columns.js";
import { type AnalysisConfig, DEFAULTS, type FileFormat, type FileSource } from "./config.js";
import { type ConfigFile, configFileSchema } from "./schema.js";

/** What the command line (or a library caller) says; it wins over the config file. */
export interface ConfigOverrides {
  orders?: string;
  rates?: string;
  columns?: Partial<Record<OrderColumn, string>>;
  filterQuantile?: number | "none";
  minUsers?: number;
  topN?: number;
  dataEnd?: string;
  memoryLimit?: string;
}

export async function readConfigFile(path: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw configError(
      `cannot read the config file ${path} (${(error as NodeJS.ErrnoException).code ?? "error"})`,
      "Check the path given to --config",
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw configError(
      `the config file ${path} is not valid JSON: ${(error as Error).message}`,
      "Fix the JSON syntax (see the README for an example)",
    );
  }
  const parsed = configFileSchema.safeParse(json);
  if (!parsed.success) {
    throw configError(
      `the config file ${path} is invalid: ${describeIssues(parsed.error)}`,
      "See the README for the configuration keys",
    );
  }
  return parsed.data;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length ? issue.path.join(".") : "(top level)";
      return `${where}: ${issue.message}`;
    })
    .join("; ");
}

export function detectFormat(path: string): FileFormat | null {
  const lower = path.toLowerCase();
  if (/\.(csv|tsv|txt)(\.gz)?$/.test(lower)) return "csv";
  if (lower.endsWith(".parquet")) return "parquet";
  return null;
}

function fileSource(path: string, what: string): FileSource {
  const format = detectFormat(path);
  if (!format) {
    throw configError(
      `cannot tell the format of the ${what} file ${path}`,
      "Use a .csv, .csv.gz or .parquet file",
    );
  }
  return { kind: "file", path, format };
}

/** Merges the config file (paths relative to it) and the overrides into a complete config. */
export function resolveConfig(
  file: ConfigFile,
  fileDir: string,
  overrides: ConfigOverrides,
): AnalysisConfig {
  const ordersPath = overrides.orders ?? (file.orders ? resolve(fileDir, file.orders) : undefined);
  if (!ordersPath) {
    throw configError("no orders file was given", "Pass --orders FILE or set orders in the config");
  }
  const ratesPath = overrides.rates ?? (file.rates ? resolve(fileDir, file.rates) : undefined);
  const columns = { ...file.columns, ...overrides.columns };
  for (const key of Object.keys(columns)) {
    if (!isOrderColumn(key)) throw configError(`unknown column in the mapping: ${key}`);
  }
  const q = overrides.filterQuantile ?? file.filter_quantile ?? DEFAULTS.filterQuantile;
  return {
    orders: fileSource(ordersPath, "orders"),
    rates: ratesPath ? fileSource(ratesPath, "rates") : null,
    columns,
    filterQuantile: q === "none" ? null : q,
    minUsers: overrides.minUsers ?? file.min_users ?? DEFAULTS.minUsers,
    topN: overrides.topN ?? file.top_n ?? DEFAULTS.topN,
    dataEnd: overrides.dataEnd ?? file.data_end ?? null,
    memoryLimit: overrides.memoryLimit ?? file.memory_limit ?? DEFAULTS.memoryLimit,
  };
}

/** Reads the optional config file and merges the overrides: the one place config is read. */
export async function loadConfig(
  configPath: string | undefined,
  overrides: ConfigOverrides,
): Promise<AnalysisConfig> {
  if (!configPath) return resolveConfig({}, process.cwd(), overrides);
  const file = await readConfigFile(configPath);
  return resolveConfig(file, dirname(resolve(configPath)), overrides);
}
