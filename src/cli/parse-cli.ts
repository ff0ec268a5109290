import { parseArgs } from "node:util";
import { PREDICTION_LIMITS as LIMITS, POSTGRES_MODES } from "../config/config.js";
import { type ConfigOverrides, SOURCE_KINDS } from "../config/load-config.js";
import { isMemoryLimit, MEMORY_LIMIT_HINT } from "../config/units.js";
import { usageError } from "../errors.js";
import {
  DIMENSION_COLUMNS,
  type DimensionColumn,
  isOrderColumn,
  type OrderColumn,
} from "../model/columns.js";
import { CURRENCY_CODES, type CurrencyCode } from "../model/currencies.js";
import { SEGMENT_NAMES } from "../model/segments.js";
import { LANGS, type Lang } from "../text/lang.js";
import { nearest } from "./nearest.js";
import { decimal, integer, keyword } from "./option-values.js";

export type Command =
  | { name: "help"; topic: CommandName | null }
  | { name: "version" }
  | {
      name: "analyze";
      config: string | undefined;
      envFile: string | undefined;
      overrides: ConfigOverrides;
      out: string;
      lang: Lang;
      quiet: boolean;
    }
  | {
      name: "serve";
      config: string | undefined;
      envFile: string | undefined;
      overrides: ConfigOverrides;
      port: number;
      host: string;
      lang: Lang;
      quiet: boolean;
    }
  | {
      name: "report";
      results: string;
      lang: Lang;
      out: string | undefined;
      png: string | undefined;
    }
  | {
      name: "demo";
      out: string;
      seed: number | undefined;
      users: number | undefined;
      lang: Lang;
      quiet: boolean;
      /** Serve the demo (port and host) instead of writing its report. */
      serve: { port: number; host: string } | null;
    }
  | {
      name: "load";
      to: "postgres" | "clickhouse";
      orders: string;
      rates: string | undefined;
      table: string;
      ratesTable: string | undefined;
      replace: boolean;
      envFile: string | undefined;
      quiet: boolean;
    }
  | {
      name: "generate";
      out: string;
      seed: number | undefined;
      users: number | undefined;
      format: "csv" | "parquet";
      quiet: boolean;
    };

export type CommandName = "analyze" | "serve" | "load" | "report" | "demo" | "generate";
const COMMANDS: readonly CommandName[] = ["analyze", "serve", "load", "report", "demo", "generate"];
/** Other spellings of a command. */
const ALIASES: Readonly<Record<string, CommandName>> = { analyse: "analyze" };

/** Turns argv (without node and the script) into a command. Pure: no I/O. */
export function parseCLI(argv: readonly string[]): Command {
  const [word, ...rest] = argv;
  if (word === undefined || word === "--help" || word === "-h" || word === "help") {
    const topic = rest[0] === undefined ? null : commandOf(rest[0]);
    return { name: "help", topic };
  }
  if (word === "--version" || word === "-v") return { name: "version" };
  const first = commandOf(word);
  if (first === null) {
    const guess = nearest(word, [...COMMANDS, ...Object.keys(ALIASES)]);
    throw usageError(
      `unknown command: ${word}`,
      `${didYouMean(guess && commandOf(guess))}Run encore --help to see the commands`,
    );
  }
  if (rest.includes("--help") || rest.includes("-h")) return { name: "help", topic: first };
  if (first === "analyze") return parseAnalyze(rest);
  if (first === "serve") return parseServe(rest);
  if (first === "report") return parseReport(rest);
  if (first === "load") return parseLoad(rest);
  return first === "demo" ? parseDemo(rest) : parseGenerate(rest);
}

const commandOf = (word: string): CommandName | null =>
  (COMMANDS as readonly string[]).includes(word) ? (word as CommandName) : (ALIASES[word] ?? null);

type Values = Record<string, string | boolean | string[] | undefined>;
type Options = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>["options"]>;

function parse(
  command: CommandName,
  args: readonly string[],
  options: Options,
  allowPositionals = false,
): { values: Values; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: [...args], options, allowPositionals, strict: true });
    return { values: parsed.values as Values, positionals: parsed.positionals };
  } catch (error) {
    const { message, guess } = parseFailure(error as Error, options);
    throw usageError(`${command}: ${message}`, `${didYouMean(guess)}Run encore ${command} --help`);
  }
}

const didYouMean = (guess: string | null | undefined): string =>
  guess ? `Did you mean ${guess}? ` : "";

/** parseArgs's first line, or for an unknown option its name and the nearest known one. */
function parseFailure(error: Error & { code?: string }, options: Options) {
  const unknown = /^Unknown option '([^']+)'/.exec(error.message)?.[1];
  if (error.code !== "ERR_PARSE_ARGS_UNKNOWN_OPTION" || unknown === undefined) {
    return { message: error.message.split("\n")[0] ?? error.message, guess: undefined };
  }
  const flags = Object.entries(options).flatMap(([name, o]) =>
    o.short ? [`--${name}`, `-${o.short}`] : [`--${name}`],
  );
  return { message: `unknown option ${unknown}`, guess: nearest(unknown, flags) };
}

/** The flags of a study's inputs and settings: analyze's, and serve's but --out. */
const STUDY_FLAGS = {
  source: { type: "string" },
  orders: { type: "string" },
  rates: { type: "string" },
  config: { type: "string" },
  dotenv: { type: "string" },
  "statement-timeout": { type: "string" },
  "postgres-mode": { type: "string" },
  map: { type: "string", multiple: true },
  "filter-quantile": { type: "string" },
  "data-end": { type: "string" },
  "min-users": { type: "string" },
  "top-n": { type: "string" },
  "memory-limit": { type: "string" },
  "temp-directory": { type: "string" },
  "csv-raw": { type: "boolean" },
  currency: { type: "string" },
  "no-predict": { type: "boolean" },
  "horizon-days": { type: "string" },
  "time-unit": { type: "string" },
  "clv-months": { type: "string" },
  "monthly-discount-rate": { type: "string" },
  "calibration-end": { type: "string" },
  "cohort-period": { type: "string" },
  "cohort-from": { type: "string" },
  "cohort-to": { type: "string" },
  where: { type: "string", multiple: true },
  segment: { type: "string" },
  compare: { type: "string" },
  "adjusted-days": { type: "string" },
  lang: { type: "string" },
  quiet: { type: "boolean", short: "q" },
} as const satisfies Options;

function parseAnalyze(args: readonly string[]): Command {
  const { values: v } = parse("analyze", args, { ...STUDY_FLAGS, out: { type: "string" } });
  const inputs = studyInputs("analyze", v);
  const out = v.out as string | undefined;
  if (!out) throw usageError("analyze: --out DIR is required", "Run encore analyze --help");
  return { name: "analyze", ...inputs, out };
}

function parseServe(args: readonly string[]): Command {
  const { values: v } = parse("serve", args, {
    ...STUDY_FLAGS,
    port: { type: "string" },
    host: { type: "string" },
  });
  return { name: "serve", ...studyInputs("serve", v), ...listenOn("serve", v) };
}

/** --port (default 0: a free one) and --host (default 127.0.0.1). */
function listenOn(command: CommandName, v: Values): { port: number; host: string } {
  const port = v.port as string | undefined;
  const host = (v.host as string | undefined)?.trim();
  if (host === "") {
    throw usageError(`${command}: --host must not be empty`, "Give an address, e.g. 127.0.0.1");
  }
  return {
    port: port === undefined ? 0 : integer(port, "--port", { min: 0, max: 65535 }),
    host: host ?? "127.0.0.1",
  };
}

/** A study's inputs and settings from analyze's or serve's flags. */
function studyInputs(command: "analyze" | "serve", v: Values) {
  const str = (k: string) => v[k] as string | undefined;
  if (!str("orders") && !str("config")) {
    throw usageError(
      `${command}: --orders is required (a file, or with --source postgres|clickhouse a table or query)`,
      `Run encore ${command} --help`,
    );
  }
  const overrides: ConfigOverrides = {};
  const source = str("source");
  if (source !== undefined) overrides.source = keyword(source, "--source", SOURCE_KINDS);
  const timeout = str("statement-timeout");
  if (timeout !== undefined) overrides.statementTimeout = timeout;
  const postgresMode = str("postgres-mode");
  if (postgresMode !== undefined) {
    overrides.postgresMode = keyword(
      postgresMode.replace("-", "_"),
      "--postgres-mode",
      POSTGRES_MODES,
    );
  }
  if (str("orders")) overrides.orders = str("orders");
  if (str("rates")) overrides.rates = str("rates");
  const maps = (v.map as string[] | undefined) ?? [];
  if (maps.length) overrides.columns = parseMappings(maps);
  const q = str("filter-quantile");
  if (q !== undefined) overrides.filterQuantile = parseQuantile(q);
  const dataEnd = str("data-end");
  // Checked with the config's dates, as a config error (exit 3).
  if (dataEnd !== undefined) overrides.dataEnd = dataEnd;
  const minUsers = str("min-users");
  if (minUsers !== undefined) overrides.minUsers = integer(minUsers, "--min-users", { min: 1 });
  const topN = str("top-n");
  if (topN !== undefined) overrides.topN = integer(topN, "--top-n", { min: 1 });
  const memory = str("memory-limit");
  if (memory !== undefined) {
    if (!isMemoryLimit(memory))
      throw usageError(`invalid --memory-limit: ${memory}`, MEMORY_LIMIT_HINT);
    overrides.memoryLimit = memory;
  }
  const spill = str("temp-directory");
  if (spill !== undefined) overrides.tempDirectory = spill;
  if (v["csv-raw"]) overrides.csvRaw = true;
  const currency = str("currency");
  if (currency !== undefined) overrides.currency = parseCurrency(currency);
  if (v["no-predict"]) overrides.predict = false;
  Object.assign(overrides, predictionOverrides(str), cohortOverrides(str));
  Object.assign(overrides, populationOverrides((v.where as string[] | undefined) ?? [], str));
  return {
    config: str("config"),
    envFile: str("dotenv"),
    overrides,
    lang: parseLang(str("lang")),
    quiet: Boolean(v.quiet),
  };
}

/**
 * The cohort settings (§12) and the adjusted effects' window (§13) given as flags; dates are
 * checked with the config's, as config errors.
 */
function cohortOverrides(str: (flag: string) => string | undefined): ConfigOverrides {
  const out: ConfigOverrides = {};
  const period = str("cohort-period");
  if (period !== undefined)
    out.cohortPeriod = keyword(period, "--cohort-period", ["month", "week"]);
  const from = str("cohort-from");
  if (from !== undefined) out.cohortFrom = from;
  const to = str("cohort-to");
  if (to !== undefined) out.cohortTo = to;
  const compare = str("compare");
  if (compare !== undefined) out.compare = parseCompare(compare);
  const days = str("adjusted-days");
  if (days !== undefined)
    out.adjustedDays = integer(days, "--adjusted-days", { min: 1, max: 3650 });
  return out;
}

/**
 * `--where COLUMN=VALUE` (repeated: each adds one value, so a value may hold commas) and
 * `--segment 1|2-4|5+`: the users a run is about.
 */
function populationOverrides(
  wheres: readonly string[],
  str: (flag: string) => string | undefined,
): ConfigOverrides {
  const out: ConfigOverrides = {};
  const where: Partial<Record<DimensionColumn, string[]>> = {};
  for (const text of wheres) {
    const at = text.indexOf("=");
    const column = text.slice(0, at).trim();
    if (at < 0 || !(DIMENSION_COLUMNS as readonly string[]).includes(column)) {
      throw usageError(
        `invalid --where: ${text}`,
        `Give --where COLUMN=VALUE with COLUMN one of ${DIMENSION_COLUMNS.join(", ")}`,
      );
    }
    const key = column as DimensionColumn;
    where[key] = [...(where[key] ?? []), text.slice(at + 1)];
  }
  if (wheres.length) out.where = where;
  const segment = str("segment");
  if (segment !== undefined) out.segment = keyword(segment, "--segment", SEGMENT_NAMES);
  return out;
}

/** `FROM..TO,FROM..TO`: two ranges of first-order dates. */
function parseCompare(text: string): [[string, string], [string, string]] {
  const ranges = text.split(",").map((r) => r.trim().split(".."));
  const [a, b] = ranges;
  if (ranges.length !== 2 || a?.length !== 2 || b?.length !== 2) {
    throw usageError(
      `invalid --compare: ${text}`,
      "Give two periods as FROM..TO,FROM..TO, e.g. 2024-06-01..2024-07-31,2024-08-01..2024-09-30",
    );
  }
  return [
    [a[0] ?? "", a[1] ?? ""],
    [b[0] ?? "", b[1] ?? ""],
  ];
}

/** The prediction settings given as flags; each one wins over its config key. */
function predictionOverrides(str: (flag: string) => string | undefined): ConfigOverrides {
  const out: ConfigOverrides = {};
  const horizon = str("horizon-days");
  if (horizon !== undefined)
    out.horizonDays = integer(horizon, "--horizon-days", LIMITS.horizonDays);
  const unit = str("time-unit");
  if (unit !== undefined) out.timeUnit = keyword(unit, "--time-unit", ["days", "weeks"]);
  const clv = str("clv-months");
  if (clv !== undefined) out.clvMonths = integer(clv, "--clv-months", LIMITS.clvMonths);
  const rate = str("monthly-discount-rate");
  if (rate !== undefined) {
    out.monthlyDiscountRate = decimal(rate, "--monthly-discount-rate", LIMITS.monthlyDiscountRate);
  }
  const calibrationEnd = str("calibration-end");
  // Checked with the config's dates, as a config error (exit 3).
  if (calibrationEnd !== undefined) out.calibrationEnd = calibrationEnd;
  return out;
}

function parseReport(args: readonly string[]): Command {
  const { values: v, positionals } = parse(
    "report",
    args,
    { lang: { type: "string" }, out: { type: "string" }, png: { type: "string" } },
    true,
  );
  const [results, ...extra] = positionals;
  if (!results || extra.length) {
    throw usageError("report: give exactly one RESULTS.json", "Run encore report --help");
  }
  return {
    name: "report",
    results,
    lang: parseLang(v.lang as string | undefined),
    out: v.out as string | undefined,
    png: v.png as string | undefined,
  };
}

function parseLoad(args: readonly string[]): Command {
  const { values: v } = parse("load", args, {
    to: { type: "string" },
    orders: { type: "string" },
    rates: { type: "string" },
    table: { type: "string" },
    "rates-table": { type: "string" },
    replace: { type: "boolean" },
    dotenv: { type: "string" },
    quiet: { type: "boolean", short: "q" },
  });
  const str = (k: string) => v[k] as string | undefined;
  const to = str("to");
  if (to !== "postgres" && to !== "clickhouse") {
    throw usageError(
      "load: --to postgres or --to clickhouse is required",
      "Run encore load --help",
    );
  }
  const orders = str("orders");
  const table = str("table");
  if (!orders || !table) {
    throw usageError("load: --orders FILE and --table NAME are required", "Run encore load --help");
  }
  return {
    name: "load",
    to,
    orders,
    rates: str("rates"),
    table,
    ratesTable: str("rates-table"),
    replace: Boolean(v.replace),
    envFile: str("dotenv"),
    quiet: Boolean(v.quiet),
  };
}

const parseLang = (text: string | undefined): Lang =>
  text === undefined ? "en" : keyword(text, "--lang", LANGS);

/** --seed and --users of demo and generate. */
function demoSize(v: Values) {
  return {
    seed: v.seed === undefined ? undefined : integer(String(v.seed), "--seed"),
    users: v.users === undefined ? undefined : integer(String(v.users), "--users", { min: 1 }),
  };
}

function parseDemo(args: readonly string[]): Command {
  const { values: v } = parse("demo", args, {
    out: { type: "string" },
    seed: { type: "string" },
    users: { type: "string" },
    lang: { type: "string" },
    quiet: { type: "boolean", short: "q" },
    serve: { type: "boolean" },
    port: { type: "string" },
    host: { type: "string" },
  });
  if (!v.serve && (v.port !== undefined || v.host !== undefined)) {
    throw usageError("demo: --port and --host go with --serve", "Run encore demo --help");
  }
  return {
    name: "demo",
    lang: parseLang(v.lang as string | undefined),
    out: (v.out as string | undefined) ?? "out/demo",
    ...demoSize(v),
    quiet: Boolean(v.quiet),
    serve: v.serve ? listenOn("demo", v) : null,
  };
}

function parseGenerate(args: readonly string[]): Command {
  const { values: v } = parse("generate", args, {
    out: { type: "string" },
    seed: { type: "string" },
    users: { type: "string" },
    format: { type: "string" },
    quiet: { type: "boolean", short: "q" },
  });
  const out = v.out as string | undefined;
  if (!out) throw usageError("generate: --out is required", "Run encore generate --help");
  return {
    name: "generate",
    out,
    ...demoSize(v),
    format: keyword((v.format as string | undefined) ?? "csv", "--format", ["csv", "parquet"]),
    quiet: Boolean(v.quiet),
  };
}

export function parseMappings(items: readonly string[]): Partial<Record<OrderColumn, string>> {
  const out: Partial<Record<OrderColumn, string>> = {};
  for (const item of items) {
    for (const pair of item.split(",")) {
      const eq = pair.indexOf("=");
      const key = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (eq <= 0 || !value) {
        throw usageError(
          `invalid --map: ${pair}`,
          "Write --map column=source_column, e.g. --map user_id=customer_id",
        );
      }
      if (!isOrderColumn(key)) {
        throw usageError(
          `invalid --map: ${key} is not one of Encore's columns`,
          "See the README for the column names",
        );
      }
      if (out[key] !== undefined) {
        throw usageError(
          `invalid --map: ${key} is mapped twice (to ${out[key]} and to ${value})`,
          "Map each column once",
        );
      }
      out[key] = value;
    }
  }
  return out;
}

function parseQuantile(text: string): number | "none" {
  if (text === "none") return "none";
  const q = Number(text);
  if (!(q > 0 && q <= 1)) {
    throw usageError(`invalid --filter-quantile: ${text}`, "Give a number in (0, 1] or none");
  }
  return q;
}

function parseCurrency(text: string): CurrencyCode {
  const code = text.trim().toLowerCase();
  const known = CURRENCY_CODES.find((c) => c === code);
  if (!known) {
    throw usageError(
      `analyze: invalid --currency: ${text}`,
      `Use one of ${CURRENCY_CODES.join(", ")} (the currency the amounts are in; default rub)`,
    );
  }
  return known;
}
