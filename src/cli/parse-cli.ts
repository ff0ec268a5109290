import { parseArgs } from "node:util";
import type { ConfigOverrides } from "../config/load-config.js";
import { isMemoryLimit, MEMORY_LIMIT_HINT } from "../config/units.js";
import { usageError } from "../errors.js";
import { isOrderColumn, type OrderColumn } from "../model/columns.js";
import { CURRENCY_CODES, type CurrencyCode } from "../model/currencies.js";

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

export type Lang = "en" | "ru";

export type CommandName = "analyze" | "load" | "report" | "demo" | "generate";
const COMMANDS: readonly CommandName[] = ["analyze", "load", "report", "demo", "generate"];

/** Turns argv (without node and the script) into a command. Pure: no I/O. */
export function parseCLI(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    const topic = rest[0];
    return { name: "help", topic: topic && isCommand(topic) ? topic : null };
  }
  if (first === "--version" || first === "-v") return { name: "version" };
  if (!isCommand(first)) {
    throw usageError(`unknown command: ${first}`, "Run encore --help to see the commands");
  }
  if (rest.includes("--help") || rest.includes("-h")) return { name: "help", topic: first };
  if (first === "analyze") return parseAnalyze(rest);
  if (first === "report") return parseReport(rest);
  if (first === "load") return parseLoad(rest);
  return first === "demo" ? parseDemo(rest) : parseGenerate(rest);
}

const isCommand = (s: string): s is CommandName => (COMMANDS as readonly string[]).includes(s);

type Values = Record<string, string | boolean | string[] | undefined>;

function parse(
  command: CommandName,
  args: readonly string[],
  options: NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>["options"]>,
): Values {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: false, strict: true })
      .values as Values;
  } catch (error) {
    throw usageError(
      `${command}: ${(error as Error).message.split("\n")[0]}`,
      `Run encore ${command} --help`,
    );
  }
}

function parseAnalyze(args: readonly string[]): Command {
  const v = parse("analyze", args, {
    source: { type: "string" },
    orders: { type: "string" },
    rates: { type: "string" },
    config: { type: "string" },
    dotenv: { type: "string" },
    "statement-timeout": { type: "string" },
    out: { type: "string" },
    map: { type: "string", multiple: true },
    "filter-quantile": { type: "string" },
    "data-end": { type: "string" },
    "min-users": { type: "string" },
    "top-n": { type: "string" },
    "memory-limit": { type: "string" },
    "csv-raw": { type: "boolean" },
    currency: { type: "string" },
    "no-predict": { type: "boolean" },
    lang: { type: "string" },
    quiet: { type: "boolean", short: "q" },
  });
  const str = (k: string) => v[k] as string | undefined;
  if (!str("orders") && !str("config")) {
    throw usageError(
      "analyze: --orders is required (a file, or with --source postgres a table or query)",
      "Run encore analyze --help",
    );
  }
  const out = str("out");
  if (!out) throw usageError("analyze: --out DIR is required", "Run encore analyze --help");
  const overrides: ConfigOverrides = {};
  const source = str("source");
  if (source !== undefined) {
    if (source !== "files" && source !== "postgres") {
      throw usageError(
        `analyze: invalid --source: ${source}`,
        "Use files (the default) or postgres",
      );
    }
    overrides.source = source;
  }
  const timeout = str("statement-timeout");
  if (timeout !== undefined) overrides.statementTimeout = timeout;
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
  if (minUsers !== undefined) overrides.minUsers = parsePositiveInt(minUsers, "--min-users");
  const topN = str("top-n");
  if (topN !== undefined) overrides.topN = parsePositiveInt(topN, "--top-n");
  const memory = str("memory-limit");
  if (memory !== undefined) {
    if (!isMemoryLimit(memory))
      throw usageError(`invalid --memory-limit: ${memory}`, MEMORY_LIMIT_HINT);
    overrides.memoryLimit = memory;
  }
  if (v["csv-raw"]) overrides.csvRaw = true;
  const currency = str("currency");
  if (currency !== undefined) overrides.currency = parseCurrency(currency);
  if (v["no-predict"]) overrides.predict = false;
  return {
    name: "analyze",
    config: str("config"),
    envFile: str("dotenv"),
    overrides,
    out,
    lang: parseLang(str("lang"), "analyze"),
    quiet: Boolean(v.quiet),
  };
}

function parseReport(args: readonly string[]): Command {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { lang: { type: "string" }, out: { type: "string" }, png: { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw usageError(
      `report: ${(error as Error).message.split("\n")[0]}`,
      "Run encore report --help",
    );
  }
  const [results, ...extra] = parsed.positionals;
  if (!results || extra.length) {
    throw usageError("report: give exactly one RESULTS.json", "Run encore report --help");
  }
  const v = parsed.values as Values;
  return {
    name: "report",
    results,
    lang: parseLang(v.lang as string | undefined, "report"),
    out: v.out as string | undefined,
    png: v.png as string | undefined,
  };
}

function parseLoad(args: readonly string[]): Command {
  const v = parse("load", args, {
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

function parseLang(text: string | undefined, command: CommandName): Lang {
  if (text === undefined) return "en";
  if (text !== "en" && text !== "ru") {
    throw usageError(`${command}: invalid --lang: ${text}`, "Use en or ru");
  }
  return text;
}

function parseDemo(args: readonly string[]): Command {
  const v = parse("demo", args, {
    out: { type: "string" },
    seed: { type: "string" },
    users: { type: "string" },
    lang: { type: "string" },
    quiet: { type: "boolean", short: "q" },
  });
  return {
    name: "demo",
    lang: parseLang(v.lang as string | undefined, "demo"),
    out: (v.out as string | undefined) ?? "out/demo",
    seed: v.seed === undefined ? undefined : parseInteger(String(v.seed), "--seed"),
    users: v.users === undefined ? undefined : parsePositiveInt(String(v.users), "--users"),
    quiet: Boolean(v.quiet),
  };
}

function parseGenerate(args: readonly string[]): Command {
  const v = parse("generate", args, {
    out: { type: "string" },
    seed: { type: "string" },
    users: { type: "string" },
    format: { type: "string" },
    quiet: { type: "boolean", short: "q" },
  });
  const out = v.out as string | undefined;
  if (!out) throw usageError("generate: --out is required", "Run encore generate --help");
  const format = (v.format as string | undefined) ?? "csv";
  if (format !== "csv" && format !== "parquet") {
    throw usageError(`generate: invalid --format: ${format}`, "Use csv or parquet");
  }
  return {
    name: "generate",
    out,
    seed: v.seed === undefined ? undefined : parseInteger(String(v.seed), "--seed"),
    users: v.users === undefined ? undefined : parsePositiveInt(String(v.users), "--users"),
    format,
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

function parseInteger(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw usageError(`invalid ${flag}: ${text}`, "Give a whole number");
  return n;
}

function parsePositiveInt(text: string, flag: string): number {
  const n = parseInteger(text, flag);
  if (n < 1) throw usageError(`invalid ${flag}: ${text}`, "Give a whole number ≥ 1");
  return n;
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
