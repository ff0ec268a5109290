import { describe, expect, it } from "vitest";
import { EncoreError } from "../errors.js";
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
    [["frobnicate"], /unknown command: frobnicate/],
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
    });
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

describe("parseMappings", () => {
  it("trims names and splits on commas", () => {
    expect(parseMappings([" user_id = customer id ,revenue=amount"])).toEqual({
      user_id: "customer id",
      revenue: "amount",
    });
  });
});
