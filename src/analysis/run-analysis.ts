import type { AnalysisConfig } from "../config/config.js";
import type { Engine } from "../engine/engine.js";
import { connectEngine, copyIfSmall } from "../engine/registry.js";
import { cancelledError } from "../errors.js";
import { checkReadableFile } from "../io/check-file.js";
import { type InputFile, OutputSet } from "../io/output-set.js";
import type { AnalysisResults } from "./results.js";
import { configFilter, type OpenOptions, openStudy, type Study } from "./study.js";

export interface RunOptions {
  /**
   * Where to write results.json, agg_users, rejects and predictions; nothing is written
   * without it. They replace an earlier run's outputs only once the run has succeeded.
   */
  readonly outDir?: string;
  /**
   * The outputs of a run that writes more than the analysis (the CLI adds the report): the
   * analysis writes into it and the caller commits it. Takes the place of outDir.
   */
  readonly output?: OutputSet;
  /** Called as each step starts, for progress on stderr. */
  readonly onProgress?: (step: string) => void;
  /**
   * Called at once with what the user should know before the run goes on: orders in a
   * currency that no rates were given for, which will be rejected.
   */
  readonly onWarning?: (text: string) => void;
  /**
   * Aborting it cancels the running statement (Ctrl-C, SIGTERM: pass the signal's name as the
   * reason); the run then fails as cancelled, its temporary files removed.
   */
  readonly signal?: AbortSignal;
  /** When the run happens (the report's footer states its date); the clock's time by default. */
  readonly now?: Date;
}

/**
 * Runs the analysis of one orders source: the one place where I/O and computation meet.
 * Files are read by the embedded DuckDB; a PostgreSQL or ClickHouse table or query is analysed
 * inside its database, in a session whose working tables are temporary.
 *
 * Returns every figure (what results.json holds). With `outDir` it also writes there
 * results.json, agg_users, rejects and predictions (CSV, and Parquet from files); without it,
 * nothing. It never writes the report: `renderReport(results, "en" | "ru")` returns the HTML,
 * to be written wherever the caller likes (the CLI writes it to report.html beside them).
 */
export async function runAnalysis(
  config: AnalysisConfig,
  options: RunOptions = {},
): Promise<AnalysisResults> {
  const { signal } = options;
  try {
    return await runCancellable(config, options);
  } catch (error) {
    // Whatever a cancel broke on its way (a read, a write, the connection), it was a cancel.
    if (signal?.aborted) throw cancelledError(signal.reason === "SIGTERM" ? "SIGTERM" : "SIGINT");
    throw error;
  }
}

async function runCancellable(
  config: AnalysisConfig,
  options: RunOptions,
): Promise<AnalysisResults> {
  const { signal } = options;
  const report = options.onProgress ?? (() => {});
  // Each step first checks for a cancel: a fit in TypeScript runs between statements and
  // hears no signal, so the run stops at the next step at the latest.
  const progress = (step: string) => {
    if (signal?.aborted) throw cancelledError();
    report(step);
  };
  for (const input of inputFiles(config)) await checkReadableFile(input.path, input.what);
  const own = !options.output && options.outDir !== undefined;
  const output =
    options.output ?? (own ? await OutputSet.open(options.outDir ?? "", inputFiles(config)) : null);
  try {
    const now = options.now ?? new Date();
    const results = await analyzeIn(config, output, progress, signal, now, options.onWarning);
    if (own) await output?.commit();
    return results;
  } finally {
    if (own) await output?.discard();
  }
}

/** The files a run reads: no output may replace one of them. */
export function inputFiles(config: AnalysisConfig): InputFile[] {
  const files: InputFile[] = [];
  if (config.orders.kind === "file") files.push({ path: config.orders.path, what: "orders" });
  if (config.rates?.kind === "file") files.push({ path: config.rates.path, what: "rates" });
  return files;
}

async function analyzeIn(
  config: AnalysisConfig,
  output: OutputSet | null,
  progress: (step: string) => void,
  signal: AbortSignal | undefined,
  now: Date,
  warn: ((text: string) => void) | undefined,
): Promise<AnalysisResults> {
  const opened = await openConfigured(config, {
    onProgress: progress,
    keepRejects: output !== null,
    ...(signal ? { signal } : {}),
    ...(warn ? { onWarning: warn } : {}),
  });
  try {
    return await opened.study.run({
      filter: configFilter(config),
      onProgress: progress,
      now,
      output,
      ...(signal ? { signal } : {}),
    });
  } finally {
    await opened.close();
  }
}

/** A study opened for a config, and how to close it with everything made for it. */
export interface OpenedStudy {
  readonly study: Study;
  /** Closes the study and its engine. */
  close(): Promise<void>;
}

/**
 * Opens the config's study in the engine it asks for. A PostgreSQL source small enough is
 * first copied out once and studied in the embedded engine; the copy goes as soon as the
 * study is open, since the engine reads its own staged copy of each file from then on.
 */
export async function openConfigured(
  config: AnalysisConfig,
  options: OpenOptions = {},
): Promise<OpenedStudy> {
  const copied = await copyIfSmall(config, options.onProgress ?? (() => {}), options.signal);
  const studied = copied?.config ?? config;
  try {
    const engine = await openEngine(studied);
    let study: Study;
    try {
      study = await openStudy(engine, studied, options);
    } catch (error) {
      await engine.close();
      throw error;
    }
    // The CSV copies are read only while the study is opened: removed now, their disk (about
    // 130 bytes an order) is free for the study's spill instead of held to the end.
    try {
      await copied?.remove();
    } catch (error) {
      await study.close();
      throw error;
    }
    return { study, close: () => study.close() };
  } catch (error) {
    await copied?.remove();
    throw error;
  }
}

/** The engine a config asks for, opened through the registry of engines. */
export function openEngine(config: AnalysisConfig): Promise<Engine> {
  return connectEngine(config.engine, config);
}
