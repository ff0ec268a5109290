import { describe, expect, it } from "vitest";
import { EncoreError } from "../errors.js";
import { helpText } from "./help.js";
import { parseCLI, parseMappings } from "./parse-cli.js";

describe("parseCLI", () => {
  it("reads analyze with every flag", () => {
    expect(
      parseCLI([
        "analyze",
        "--orders",
        "o.csv",
        "--rates",
        "r.csv",
        "--out",
        "out",
        "--map",
        "user_id=customer_id,order_dt=date",
        "--map",
        "order_id=@row_number",
        "--filter-quantile",
        "0.95",
        "--data-end",
        "2024-10-31",
        "--min-users",
        "50",
        "--top-n",
        "10",
        "-q",
      ]),
    ).toEqual({
      name: "analyze",
      config: undefined,
      out: "out",
      lang: "en",
      quiet: true,
      overrides: {
        orders: "o.csv",
        rates: "r.csv",
        columns: { user_id: "customer_id", order_dt: "date", order_id: "@row_number" },
        filterQuantile: 0.95,
        dataEnd: "2024-10-31",
        minUsers: 50,
        topN: 10,
      },
    });
  });

  it("reads a PostgreSQL source, its .env file, timeout, and --no-predict", () => {
    expect(
      parseCLI([
        "analyze",
        "--source",
        "postgres",
        "--orders",
        "SELECT * FROM afisha.purchases",
        "--rates",
        "afisha.rates",
        "--dotenv",
        "prod.env",
        "--statement-timeout",
        "10min",
        "--no-predict",
        "--out",
        "out",
      ]),
    ).toMatchObject({
      name: "analyze",
      envFile: "prod.env",
      overrides: {
        source: "postgres",
        orders: "SELECT * FROM afisha.purchases",
        rates: "afisha.rates",
        statementTimeout: "10min",
        predict: false,
      },
    });
  });

  it("reads a ClickHouse source: a database.table and its timeout", () => {
    expect(
      parseCLI([
        "analyze",
        "--source",
        "clickhouse",
        "--orders",
        "shop.orders",
        "--statement-timeout",
        "90s",
        "--out",
        "out",
      ]),
    ).toMatchObject({
      name: "analyze",
      overrides: { source: "clickhouse", orders: "shop.orders", statementTimeout: "90s" },
    });
  });

  it("reads --csv-raw, and a --memory-limit only when it is a size above 0", () => {
    expect(
      parseCLI([
        "analyze",
        "--orders",
        "o.csv",
        "--out",
        "o",
        "--csv-raw",
        "--memory-limit",
        "2GB",
      ]),
    ).toMatchObject({ overrides: { csvRaw: true, memoryLimit: "2GB" } });
    for (const limit of ["abc", "0", "0MB", "1"]) {
      expect(() =>
        parseCLI(["analyze", "--orders", "o.csv", "--out", "o", "--memory-limit", limit]),
      ).toThrow(`invalid --memory-limit: ${limit}`);
    }
  });

  it("reads the prediction settings, and the spill directory, as flags", () => {
    expect(
      parseCLI([
        "analyze",
        "--orders",
        "o.csv",
        "--out",
        "out",
        "--horizon-days",
        "30",
        "--time-unit",
        "weeks",
        "--clv-months",
        "24",
        "--monthly-discount-rate",
        "0.02",
        "--calibration-end",
        "1997-09-30",
        "--temp-directory",
        "spill",
      ]),
    ).toMatchObject({
      overrides: {
        tempDirectory: "spill",
        horizonDays: 30,
        timeUnit: "weeks",
        clvMonths: 24,
        monthlyDiscountRate: 0.02,
        calibrationEnd: "1997-09-30",
      },
    });
  });

  it("reads the cohort flags: period, range, two periods compared, the adjusted window", () => {
    const command = parseCLI([
      "analyze",
      "--orders",
      "o.csv",
      "--out",
      "x",
      "--cohort-period",
      "week",
      "--cohort-from",
      "2024-06-01",
      "--compare",
      "2024-06-01..2024-06-30, 2024-07-01..2024-07-31",
      "--adjusted-days",
      "60",
    ]);
    expect(command.name === "analyze" && command.overrides).toMatchObject({
      cohortPeriod: "week",
      cohortFrom: "2024-06-01",
      compare: [
        ["2024-06-01", "2024-06-30"],
        ["2024-07-01", "2024-07-31"],
      ],
      adjustedDays: 60,
    });
    expect(() =>
      parseCLI([
        "analyze",
        "--orders",
        "o.csv",
        "--out",
        "x",
        "--compare",
        "2024-06-01..2024-06-30",
      ]),
    ).toThrow("invalid --compare: 2024-06-01..2024-06-30");
  });

  it("reads the population flags: --where once per value, commas kept, and --segment", () => {
    const command = parseCLI([
      "analyze",
      "--orders",
      "o.csv",
      "--out",
      "x",
      "--where",
      "region_name=Moscow",
      "--where",
      "region_name=Saint Petersburg, Lenin Oblast",
      "--where",
      "device_type_canonical=mobile",
      "--segment",
      "2-4",
    ]);
    expect(command.name === "analyze" && command.overrides).toMatchObject({
      where: {
        region_name: ["Moscow", "Saint Petersburg, Lenin Oblast"],
        device_type_canonical: ["mobile"],
      },
      segment: "2-4",
    });
    const args = ["analyze", "--orders", "o.csv", "--out", "x"];
    expect(() => parseCLI([...args, "--where", "first_region=Moscow"])).toThrow(
      "invalid --where: first_region=Moscow",
    );
    expect(() => parseCLI([...args, "--where", "Moscow"])).toThrow("invalid --where: Moscow");
    expect(() => parseCLI([...args, "--segment", "3"])).toThrow("--segment");
  });

  it("lists in analyze --help the prediction flags, and every flag it lists is accepted", () => {
    const help = helpText("analyze");
    for (const flag of [
      "--horizon-days",
      "--time-unit",
      "--clv-months",
      "--monthly-discount-rate",
      "--calibration-end",
    ]) {
      expect(help).toContain(flag);
    }
    const listed = [...help.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)( \S+)?/gm)];
    expect(listed.length).toBeGreaterThan(20);
    for (const [, flag, value] of listed) {
      const args = ["analyze", "--orders", "o.csv", "--out", "x"];
      const argv = flag === "--source" ? [...args, flag, "files"] : [...args, flag as string];
      if (value && flag !== "--source") argv.push(sampleValue(flag as string));
      expect(() => parseCLI(argv), `${flag}`).not.toThrow();
    }
  });

  it.each([
    [["anlyze"], "unknown command: anlyze", "Did you mean analyze? Run encore --help"],
    [["frobnicate"], "unknown command: frobnicate", "Run encore --help"],
    [
      ["analyze", "--ordrs", "o.csv", "--out", "x"],
      "analyze: unknown option --ordrs",
      "Did you mean --orders? Run encore analyze --help",
    ],
    [
      ["generate", "--out", "x", "--fromat", "csv"],
      "generate: unknown option --fromat",
      "Did you mean --format? Run encore generate --help",
    ],
    [
      ["analyze", "--orders", "o.csv", "--out", "x", "--horizon", "30"],
      "analyze: unknown option --horizon",
      "Run encore analyze --help",
    ],
  ])("suggests the nearest command or flag for %j", (argv, message, hint) => {
    const error = (() => {
      try {
        parseCLI(argv);
      } catch (e) {
        return e as EncoreError;
      }
      throw new Error("parsed");
    })();
    expect(error.message).toBe(message);
    expect(error.hint).toMatch(new RegExp(`^${hint.replace(/[?]/g, "\\?")}`));
  });

  it("takes analyse as analyze", () => {
    expect(parseCLI(["analyse", "--orders", "o.csv", "--out", "x"])).toMatchObject({
      name: "analyze",
    });
    expect(parseCLI(["help", "analyse"])).toEqual({ name: "help", topic: "analyze" });
  });

  it("reads load", () => {
    expect(
      parseCLI([
        "load",
        "--to",
        "postgres",
        "--orders",
        "o.csv",
        "--table",
        "s.orders",
        "--replace",
      ]),
    ).toEqual({
      name: "load",
      to: "postgres",
      orders: "o.csv",
      rates: undefined,
      table: "s.orders",
      ratesTable: undefined,
      replace: true,
      envFile: undefined,
      quiet: false,
    });
  });

  it("reads load --to clickhouse", () => {
    expect(
      parseCLI(["load", "--to", "clickhouse", "--orders", "o.csv", "--table", "db.orders"]),
    ).toMatchObject({ name: "load", to: "clickhouse", table: "db.orders" });
  });

  it("accepts none as the filter quantile", () => {
    const c = parseCLI(["analyze", "--orders", "o.csv", "--out", "x", "--filter-quantile", "none"]);
    expect(c).toMatchObject({ overrides: { filterQuantile: "none" } });
  });

  it("reads the currency the amounts are in", () => {
    const c = parseCLI(["analyze", "--orders", "o.csv", "--out", "x", "--currency", "USD"]);
    expect(c).toMatchObject({ overrides: { currency: "usd" } });
  });

  it.each([
    [
      ["analyze", "--orders", "o.csv", "--out", "x", "--currency", "doubloon"],
      /invalid --currency/,
    ],
    [
      ["analyze", "--orders", "o.csv", "--out", "x", "--filter-quantile", "1.5"],
      /invalid --filter-quantile: 1.5/,
    ],
    [["analyze", "--orders", "o.csv", "--out", "x", "--min-users", "0"], /invalid --min-users: 0/],
    [["analyze", "--orders", "o.csv", "--out", "x", "--map", "user_id"], /invalid --map: user_id/],
    [["generate", "--out", "x", "--format", "xlsx"], /invalid --format: xlsx/],
    [["frobnicate"], /unknown command: frobnicate$/],
    [["analyze", "--orders", "o.csv", "--out", "x", "--wibble"], /unknown option --wibble$/],
    [
      ["analyze", "--orders", "o", "--out", "x", "--horizon-days", "0"],
      /invalid --horizon-days: 0/,
    ],
    [["analyze", "--orders", "o", "--out", "x", "--time-unit", "months"], /invalid --time-unit/],
    [["analyze", "--orders", "o", "--out", "x", "--clv-months", "2.5"], /invalid --clv-months/],
    [
      ["analyze", "--orders", "o", "--out", "x", "--monthly-discount-rate", "1.5"],
      /invalid --monthly-discount-rate: 1.5/,
    ],
    [["analyze", "--source", "mysql", "--orders", "o", "--out", "x"], /invalid --source: mysql/],
    [["load", "--orders", "o.csv", "--table", "t"], /--to postgres or --to clickhouse is required/],
    [
      ["load", "--to", "mysql", "--orders", "o.csv", "--table", "t"],
      /--to postgres or --to clickhouse/,
    ],
    [["load", "--to", "postgres", "--orders", "o.csv"], /--table NAME are required/],
  ])("rejects %j", (argv, message) => {
    expect(() => parseCLI(argv)).toThrow(message);
    try {
      parseCLI(argv);
    } catch (error) {
      expect(error).toBeInstanceOf(EncoreError);
      expect((error as EncoreError).exitCode).toBe(2);
    }
  });

  it("defaults the demo to out/demo", () => {
    expect(parseCLI(["demo"])).toEqual({
      name: "demo",
      out: "out/demo",
      seed: undefined,
      users: undefined,
      lang: "en",
      quiet: false,
      serve: null,
    });
  });

  it("reads serve with analyze's flags but --out, and where to listen", () => {
    expect(
      parseCLI([
        "serve",
        "--orders",
        "o.csv",
        "--where",
        "city_name=Казань",
        "--segment",
        "2-4",
        "--port",
        "8080",
        "--lang",
        "ru",
      ]),
    ).toEqual({
      name: "serve",
      config: undefined,
      envFile: undefined,
      overrides: { orders: "o.csv", where: { city_name: ["Казань"] }, segment: "2-4" },
      port: 8080,
      host: "127.0.0.1",
      lang: "ru",
      quiet: false,
    });
    expect(parseCLI(["serve", "--orders", "o.csv"])).toMatchObject({ port: 0, host: "127.0.0.1" });
    expect(() => parseCLI(["serve", "--orders", "o.csv", "--out", "x"])).toThrow(
      "serve: unknown option --out",
    );
    expect(() => parseCLI(["serve", "--orders", "o.csv", "--port", "70000"])).toThrow("--port");
    expect(() => parseCLI(["serve"])).toThrow("serve: --orders is required");
  });

  it("serves the demo with --serve, on a port and host of its own", () => {
    expect(parseCLI(["demo", "--serve", "--port", "9000"])).toMatchObject({
      name: "demo",
      serve: { port: 9000, host: "127.0.0.1" },
    });
    expect(() => parseCLI(["demo", "--port", "9000"])).toThrow(
      "demo: --port and --host go with --serve",
    );
  });

  it("reads report with its results file, language, output and PNG directory", () => {
    expect(
      parseCLI(["report", "out/results.json", "--lang", "ru", "--out", "r.html", "--png", "png"]),
    ).toEqual({
      name: "report",
      results: "out/results.json",
      lang: "ru",
      out: "r.html",
      png: "png",
    });
  });

  it("defaults the report's language to English and needs one results file", () => {
    expect(parseCLI(["report", "results.json"])).toMatchObject({ lang: "en", out: undefined });
    expect(() => parseCLI(["report"])).toThrow(/exactly one RESULTS.json/);
    expect(() => parseCLI(["demo", "--lang", "de"])).toThrow(/invalid --lang: de/);
  });

  it("gives help for no command, --help and a command's --help", () => {
    expect(parseCLI([])).toEqual({ name: "help", topic: null });
    expect(parseCLI(["--help"])).toEqual({ name: "help", topic: null });
    expect(parseCLI(["analyze", "--help"])).toEqual({ name: "help", topic: "analyze" });
  });
});

/** A valid value for each flag of analyze --help that takes one. */
function sampleValue(flag: string): string {
  const values: Record<string, string> = {
    "--filter-quantile": "0.9",
    "--data-end": "2024-10-31",
    "--calibration-end": "2024-08-01",
    "--time-unit": "days",
    "--lang": "en",
    "--map": "user_id=customer",
    "--monthly-discount-rate": "0.01",
    "--statement-timeout": "10min",
    "--memory-limit": "1GB",
    "--currency": "usd",
    "--cohort-period": "week",
    "--cohort-from": "2024-06-01",
    "--postgres-mode": "in-database",
    "--cohort-to": "2024-07-31",
    "--where": "region_name=Moscow",
    "--segment": "5+",
    "--compare": "2024-06-01..2024-06-30,2024-07-01..2024-07-31",
  };
  return (
    values[flag] ??
    (/--(min-users|top-n|horizon-days|clv-months|adjusted-days)/.test(flag) ? "5" : "x")
  );
}

describe("parseMappings", () => {
  it("trims names and splits on commas", () => {
    expect(parseMappings([" user_id = customer id ,revenue=amount"])).toEqual({
      user_id: "customer id",
      revenue: "amount",
    });
  });
});
