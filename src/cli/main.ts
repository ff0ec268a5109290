import { dirname, join, resolve } from "node:path";
import { inputFiles, runAnalysis } from "../analysis/run-analysis.js";
import { clickhouseFromEnv } from "../config/clickhouse-env.js";
import { connectionFromEnv } from "../config/connection-env.js";
import { fileSourceOf, loadConfig, resolveConfig } from "../config/load-config.js";
import { writeDemoCsv, writeDemoParquet } from "../demo/write-demo.js";
import { type CancelSignal, cancelledError, EncoreError } from "../errors.js";
import { writingInto } from "../io/output-file.js";
import { OutputSet } from "../io/output-set.js";
import { loadIntoClickHouse } from "../load/load-clickhouse.js";
import { loadIntoPostgres } from "../load/load-postgres.js";
import { writeReport } from "../report/write-report.js";
import { VERSION } from "../version.js";
import { helpText } from "./help.js";
import { type Command, parseCLI } from "./parse-cli.js";
import { progressReporter } from "./progress.js";
import { readResults } from "./read-results.js";
import { summaryLines } from "./summary.js";

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Runs the CLI; returns the exit code. User errors become one line on stderr. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    await execute(parseCLI(argv), io);
    return 0;
  } catch (error) {
    if (error instanceof EncoreError) {
      io.err(error.toLine());
      return error.exitCode;
    }
    io.err(`encore: internal error: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}

async function execute(command: Command, io: Io): Promise<void> {
  switch (command.name) {
    case "help":
      io.out(helpText(command.topic));
      return;
    case "version":
      io.out(VERSION);
      return;
    case "analyze": {
      const config = await loadConfig(command.config, command.overrides, envFile(command.envFile));
      await analyze(config, command.out, command.lang, command.quiet, io);
      return;
    }
    case "load": {
      const progress = progressReporter(command.quiet, io.err);
      const files = {
        orders: fileSourceOf(command.orders, "orders"),
        rates: command.rates ? fileSourceOf(command.rates, "rates") : null,
        table: command.table,
        ...(command.ratesTable ? { ratesTable: command.ratesTable } : {}),
        replace: command.replace,
        onProgress: progress.step,
      };
      const env = envFile(command.envFile);
      const result =
        command.to === "clickhouse"
          ? await loadIntoClickHouse({
              connection: await clickhouseFromEnv(process.env, env),
              ...files,
            })
          : await loadIntoPostgres({
              connection: await connectionFromEnv(process.env, env),
              ...files,
            });
      progress.done();
      io.out(`${result.rows} order rows loaded into ${result.table}`);
      if (result.ratesTable)
        io.out(`${result.ratesRows} rate rows loaded into ${result.ratesTable}`);
      return;
    }
    case "report": {
      const results = await readResults(command.results);
      const out = command.out ?? join(dirname(command.results), "report.html");
      const pngs = await writeReport(results, command.lang, out, command.png);
      io.out(
        `report written to ${out}${pngs.length ? `; ${pngs.length} charts in ${command.png}` : ""}`,
      );
      return;
    }
    case "demo": {
      const dataDir = join(command.out, "data");
      const progress = progressReporter(command.quiet, io.err);
      progress.step(`generating the demo data in ${dataDir}`);
      await writingInto(dataDir, () => writeDemoCsv(dataDir, demoOptions(command)));
      progress.done();
      const config = resolveConfig({}, process.cwd(), {
        orders: resolve(dataDir, "orders.csv"),
        rates: resolve(dataDir, "rates.csv"),
      });
      await analyze(config, command.out, command.lang, command.quiet, io);
      return;
    }
    case "generate": {
      const progress = progressReporter(command.quiet, io.err);
      progress.step(`generating the demo data in ${command.out}`);
      const manifest = await writingInto(command.out, () =>
        command.format === "csv"
          ? writeDemoCsv(command.out, demoOptions(command))
          : writeDemoParquet(join(command.out, "orders.parquet"), {
              ...demoOptions(command),
              ratesFile: join(command.out, "rates.csv"),
            }),
      );
      progress.done();
      io.out(
        `${manifest.rowsWritten} order rows of ${manifest.users} users written to ${command.out}`,
      );
      return;
    }
  }
}

const CANCEL_SIGNALS: readonly CancelSignal[] = ["SIGINT", "SIGTERM"];

const envFile = (path: string | undefined): string => resolve(path ?? ".env");

function demoOptions(command: { seed: number | undefined; users: number | undefined }) {
  return {
    ...(command.seed === undefined ? {} : { seed: command.seed }),
    ...(command.users === undefined ? {} : { users: command.users }),
  };
}

async function analyze(
  config: Parameters<typeof runAnalysis>[0],
  out: string,
  lang: "en" | "ru",
  quiet: boolean,
  io: Io,
): Promise<void> {
  const progress = progressReporter(quiet, io.err);
  // The analysis and the report replace an earlier run's outputs together, or not at all.
  const output = await OutputSet.open(out, inputFiles(config));
  // Ctrl-C and SIGTERM alike cancel the running query (in PostgreSQL too) and let the run
  // clean up after itself (its temporary directory, its unfinished outputs) instead of dying
  // with the query left running.
  const abort = new AbortController();
  const handlers = CANCEL_SIGNALS.map((signal) => {
    const handler = () => abort.abort(signal);
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  try {
    const results = await runAnalysis(config, {
      output,
      onProgress: progress.step,
      signal: abort.signal,
    });
    progress.done();
    if (!quiet) for (const note of results.notes) io.err(`note: ${note.text}`);
    stopIfCancelled(abort.signal);
    progress.step("writing the report");
    await writeReport(results, lang, output.file("report.html"));
    progress.done();
    stopIfCancelled(abort.signal);
    await output.commit();
    for (const line of summaryLines(results, out)) io.out(line);
    io.out(`report: ${join(out, "report.html")}`);
  } finally {
    for (const [signal, handler] of handlers) process.off(signal, handler);
    await output.discard();
  }
}

function stopIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw cancelledError(signal.reason === "SIGTERM" ? "SIGTERM" : "SIGINT");
}
