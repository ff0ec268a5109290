import { dirname, join, resolve } from "node:path";
import { inputFiles, runAnalysis } from "../analysis/run-analysis.js";
import { clickhouseFromEnv } from "../config/clickhouse-env.js";
import { connectionFromEnv } from "../config/connection-env.js";
import { fileSourceOf, loadConfig, resolveConfig } from "../config/load-config.js";
import { type CancelSignal, cancelledError, EncoreError } from "../errors.js";
import { writingInto } from "../io/output-file.js";
import { OutputSet } from "../io/output-set.js";
import type { Lang } from "../text/lang.js";
import { VERSION } from "../version.js";
import { helpText } from "./help.js";
import { type Command, parseCLI } from "./parse-cli.js";
import { progressReporter } from "./progress.js";
import { readResults } from "./read-results.js";
import { summaryLines } from "./summary.js";

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Raw text to stderr when it is a terminal, for a progress line redrawn in place. */
  live?: ((text: string) => void) | undefined;
}

const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  live: process.stderr.isTTY ? (text) => process.stderr.write(text) : undefined,
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
    case "serve": {
      const config = await loadConfig(command.config, command.overrides, envFile(command.envFile));
      await serve(config, command, command.quiet, io);
      return;
    }
    case "load": {
      const env = envFile(command.envFile);
      const result = await withProgress(command.quiet, io, async (progress) => {
        const files = {
          orders: fileSourceOf(command.orders, "orders"),
          rates: command.rates ? fileSourceOf(command.rates, "rates") : null,
          table: command.table,
          ...(command.ratesTable ? { ratesTable: command.ratesTable } : {}),
          replace: command.replace,
          onProgress: progress.step,
        };
        if (command.to === "clickhouse") {
          const { loadIntoClickHouse } = await import("../load/load-clickhouse.js");
          return loadIntoClickHouse({
            connection: await clickhouseFromEnv(process.env, env),
            ...files,
          });
        }
        const { loadIntoPostgres } = await import("../load/load-postgres.js");
        return loadIntoPostgres({
          connection: await connectionFromEnv(process.env, env),
          ...files,
        });
      });
      io.out(`${result.rows} order rows loaded into ${result.table}`);
      if (result.ratesTable)
        io.out(`${result.ratesRows} rate rows loaded into ${result.ratesTable}`);
      return;
    }
    case "report": {
      const results = await readResults(command.results);
      const out = command.out ?? join(dirname(command.results), "report.html");
      const { writeReport } = await import("./write-report.js");
      const pngs = await writeReport(results, command.lang, out, command.png);
      io.out(
        `report written to ${out}${pngs.length ? `; ${pngs.length} charts in ${command.png}` : ""}`,
      );
      return;
    }
    case "demo": {
      const dataDir = join(command.out, "data");
      const { writeDemoCsv } = await import("../demo/write-demo.js");
      await withProgress(command.quiet, io, (progress) => {
        progress.step(`generating the demo data in ${dataDir}`);
        return writingInto(dataDir, () => writeDemoCsv(dataDir, demoOptions(command)));
      });
      const config = resolveConfig({}, process.cwd(), {
        orders: resolve(dataDir, "orders.csv"),
        rates: resolve(dataDir, "rates.csv"),
      });
      if (command.serve) {
        await serve(config, { ...command.serve, lang: command.lang }, command.quiet, io);
        return;
      }
      await analyze(config, command.out, command.lang, command.quiet, io);
      return;
    }
    case "generate": {
      const { writeDemoCsv, writeDemoParquet } = await import("../demo/write-demo.js");
      const manifest = await withProgress(command.quiet, io, (progress) => {
        progress.step(`generating the demo data in ${command.out}`);
        return writingInto(command.out, () =>
          command.format === "csv"
            ? writeDemoCsv(command.out, demoOptions(command))
            : writeDemoParquet(join(command.out, "orders.parquet"), {
                ...demoOptions(command),
                ratesFile: join(command.out, "rates.csv"),
                manifestFile: join(command.out, "manifest.json"),
              }),
        );
      });
      io.out(
        `${manifest.rowsWritten} order rows of ${manifest.users} users written to ${command.out}`,
      );
      return;
    }
  }
}

const CANCEL_SIGNALS: readonly CancelSignal[] = ["SIGINT", "SIGTERM"];

type Progress = ReturnType<typeof progressReporter>;

/**
 * Runs `work` with progress on stderr: the last step's time once it succeeds; when it fails,
 * the progress line is cleared so that the error stands alone.
 */
async function withProgress<T>(
  quiet: boolean,
  io: Io,
  work: (progress: Progress) => Promise<T>,
): Promise<T> {
  const progress = progressReporter(quiet, { line: io.err, live: io.live });
  try {
    const result = await work(progress);
    progress.done();
    return result;
  } finally {
    progress.abandon();
  }
}

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
  lang: Lang,
  quiet: boolean,
  io: Io,
): Promise<void> {
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
    const results = await withProgress(quiet, io, (progress) =>
      runAnalysis(config, {
        output,
        onProgress: progress.step,
        onWarning: (text) => progress.note(`warning: ${text}`),
        signal: abort.signal,
      }),
    );
    if (!quiet) for (const note of results.notes) io.err(`note: ${note.text}`);
    stopIfCancelled(abort.signal);
    await withProgress(quiet, io, async (progress) => {
      progress.step("writing the report");
      const { writeReport } = await import("./write-report.js");
      await writeReport(results, lang, output.file("report.html"));
    });
    stopIfCancelled(abort.signal);
    await output.commit();
    for (const line of summaryLines(results, out)) io.out(line);
    io.out(`report: ${join(out, "report.html")}`);
  } finally {
    for (const [signal, handler] of handlers) process.off(signal, handler);
    await output.discard();
  }
}

/**
 * Opens the study and serves its page until Ctrl-C or SIGTERM, which stop the server and close
 * the engine: a clean stop, exit 0. While the study opens they cancel it, as in analyze.
 */
async function serve(
  config: Parameters<typeof runAnalysis>[0],
  where: { host: string; port: number; lang: "en" | "ru" },
  quiet: boolean,
  io: Io,
): Promise<void> {
  const abort = new AbortController();
  const stopped = new Promise<CancelSignal>((resolve) => {
    abort.signal.addEventListener("abort", () => resolve(abort.signal.reason), { once: true });
  });
  const handlers = CANCEL_SIGNALS.map((signal) => {
    const handler = () => abort.abort(signal);
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  try {
    const { serveStudy } = await import("../serve/serve-study.js");
    const served = await withProgress(quiet, io, (progress) =>
      serveStudy(config, {
        ...where,
        onProgress: progress.step,
        onWarning: (text) => progress.note(`warning: ${text}`),
        onError: (error) => io.err(`encore: ${(error as Error).stack ?? String(error)}`),
        signal: abort.signal,
      }),
    );
    io.out(`serving the study at ${served.url}`);
    if (!quiet) io.err("press Ctrl-C to stop");
    await stopped;
    await served.close();
    if (!quiet) io.err("stopped");
  } finally {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  }
}

function stopIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw cancelledError(signal.reason === "SIGTERM" ? "SIGTERM" : "SIGINT");
}
