import type { AnalysisConfig } from "../config/config.js";
import { DuckDBEngine } from "../engine/duckdb/duckdb-engine.js";
import { type ExportSource, exportQuery } from "../engine/duckdb/export.js";
import type { Engine } from "../engine/engine.js";
import { exportCsv } from "../engine/postgres/export-csv.js";
import { PostgresEngine } from "../engine/postgres/postgres-engine.js";
import { sourceLabel } from "../engine/stage-source.js";
import { cancelledError } from "../errors.js";
import { checkReadableFile } from "../io/check-file.js";
import { writeOutputFile } from "../io/output-file.js";
import { type InputFile, OutputSet } from "../io/output-set.js";
import { DIMENSIONS, ORDER_COLUMNS } from "../model/columns.js";
import { CURRENCIES } from "../model/currencies.js";
import { populationSql, segmentsSql } from "../queries/summaries.js";
import { TABLES } from "../queries/tables.js";
import { VERSION } from "../version.js";
import { adjustedEffectsStage } from "./adjusted-effects.js";
import { cohortStage } from "./cohorts.js";
import { comparePeriods } from "./compare-periods.js";
import { correlationStage } from "./correlation.js";
import { listSizes, type PlannedList, planLists } from "./customer-lists.js";
import { entryPointsStage } from "./entry-points.js";
import { headline, orderCountFilter } from "./filter.js";
import { findingsAndRecommendations } from "./findings/index.js";
import { predictionStage } from "./prediction.js";
import { prepareOrders } from "./prepare-orders.js";
import { repeatStage } from "./repeat.js";
import {
  type AnalysisResults,
  SCHEMA_VERSION,
  SEGMENTS,
  type Segment,
  type SegmentTotals,
} from "./results.js";
import { revenueStage } from "./revenue.js";
import { segmentProfilesStage } from "./segment-profiles.js";
import type { StudyContext } from "./study-context.js";
import { timeStage } from "./time.js";

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
 * Files are read by the embedded DuckDB; a PostgreSQL table or query is analysed inside
 * PostgreSQL, in a read-only session whose working tables are temporary.
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
  const engine = config.postgres
    ? await PostgresEngine.connect({
        ...config.postgres.connection,
        statementTimeoutMs: config.postgres.statementTimeoutMs,
        timeZone: config.timeZone,
      })
    : await DuckDBEngine.open({
        memoryLimit: config.memoryLimit,
        timeZone: config.timeZone,
        ...(config.tempDirectory ? { tempDirectory: config.tempDirectory } : {}),
      });
  const cancel = () => void engine.cancel().catch(() => undefined);
  signal?.addEventListener("abort", cancel, { once: true });
  try {
    if (signal?.aborted) throw cancelledError();
    return await analyzeWith(engine, config, output, progress, now, warn);
  } finally {
    signal?.removeEventListener("abort", cancel);
    await engine.close();
  }
}

async function analyzeWith(
  engine: Engine,
  config: AnalysisConfig,
  output: OutputSet | null,
  progress: (step: string) => void,
  now: Date,
  warn: ((text: string) => void) | undefined,
): Promise<AnalysisResults> {
  const d = engine.dialect;
  const prepared = await prepareOrders(engine, config, progress, {
    keepRejects: output !== null,
    ...(warn ? { warn } : {}),
  });
  const { bindings, absent, dims, notes } = prepared;
  const dataEnd = config.dataEnd ?? prepared.lastDate;

  const population = await populationOf(engine, config.cohorts);
  progress("applying the order-count filter");
  const filter = await orderCountFilter(engine, population, config.filterQuantile);
  const overall = await headline(engine, population, filter.P);
  const segments = segmentTotals(await engine.all(segmentsSql(d, population), [filter.P]));
  const kept = filter.P === null ? "" : ` WHERE total_orders <= ${Number(filter.P)}`;
  await engine.createView(TABLES.keptUsers, `SELECT * FROM ${population}${kept}`);
  const ctx: StudyContext = {
    engine,
    users: TABLES.keptUsers,
    orders: TABLES.orders,
    userIds: TABLES.userIds,
    orderGaps: `(SELECT days_since_prev, orders FROM ${TABLES.orderGaps}${kept}) AS kept_gaps`,
    dimensions: dims.map((c) => DIMENSIONS[c]),
    minUsers: config.minUsers,
    topN: config.topN,
    dataEnd: dataEnd ?? "1970-01-01",
  };

  progress("entry points");
  const entry_points = await entryPointsStage(ctx);
  progress("adjusted effects");
  const adjusted_effects = await adjustedEffectsStage(
    ctx,
    entry_points,
    config.adjustedDays,
    notes,
  );
  progress("repeat purchases");
  const repeat = await repeatStage(ctx, overall, segments);
  progress("revenue");
  const revenue = await revenueStage(ctx);
  progress("time between purchases");
  const time_between_purchases = await timeStage(ctx);
  progress("cohorts");
  const { cohorts, trend } = await cohortStage(ctx, population, config.cohorts.period);
  const comparison = config.compare
    ? await comparePeriods(ctx, config.compare, TABLES.compared)
    : null;
  progress("correlation and segments");
  const correlation = await correlationStage(ctx);
  const segmentProfiles = await segmentProfilesStage(ctx);
  if (config.prediction.enabled) progress("predicting who comes back");
  else notes.push({ code: "prediction_off", text: "The prediction models were switched off." });
  const prediction = !config.prediction.enabled
    ? null
    : await predictionStage(
        ctx,
        prepared.firstDate ?? ctx.dataEnd,
        filter.P,
        config.prediction,
      ).catch((error: unknown) => {
        // A fit that fails on unusual data must not cost the rest of the study.
        if (!(error instanceof RangeError)) throw error;
        notes.push({
          code: "prediction_failed",
          text: `The prediction models could not be fitted: ${error.message}.`,
        });
        return null;
      });

  progress("customer lists");
  const predictions = prediction === null ? null : TABLES.predictions;
  const plannedLists = await planLists(
    ctx,
    predictions,
    time_between_purchases.repeat_window.window,
    config.lists,
    notes,
  );
  const lists = await listSizes(ctx, predictions, plannedLists);

  if (output) {
    progress("writing agg_users and rejects");
    await writeTables(engine, output, filter.P, prediction !== null, config.csvRaw);
    progress("writing the customer lists");
    await writeLists(engine, output, plannedLists, config.csvRaw);
  }

  const study: Omit<AnalysisResults, "findings" | "recommendations"> = {
    schema_version: SCHEMA_VERSION,
    run: { date: now.toISOString().slice(0, 10), encore_version: VERSION },
    currency: { code: config.currency, symbol: CURRENCIES[config.currency].symbol },
    data_end: dataEnd,
    data_start: prepared.firstDate,
    orders_after_data_end: prepared.ordersAfterDataEnd,
    input: {
      source: config.postgres ? "postgres" : "files",
      orders: sourceLabel(config.orders),
      rates: config.rates ? sourceLabel(config.rates) : null,
      columns: Object.fromEntries(
        ORDER_COLUMNS.map((c) => {
          const b = bindings[c];
          return [c, b ? (b.source ?? "@row_number") : null];
        }),
      ),
      absent_columns: absent,
    },
    ledger: prepared.ledger,
    preparation: prepared.preparation,
    filter,
    overall,
    repeat,
    entry_points,
    adjusted_effects,
    revenue,
    time_between_purchases,
    correlation,
    segments: segmentProfiles,
    cohorts,
    trend,
    comparison,
    prediction,
    lists,
    notes,
  };
  const results: AnalysisResults = { ...study, ...findingsAndRecommendations(study) };
  if (output)
    await writeOutputFile(output.file("results.json"), `${JSON.stringify(results, null, 2)}\n`);
  return results;
}

/**
 * The users the study is about: everyone, or those whose first order falls in the cohort range
 * (§12). Their first orders are found over all accepted data, so a customer who bought before
 * the range is never taken for a new one.
 */
async function populationOf(engine: Engine, range: AnalysisConfig["cohorts"]): Promise<string> {
  if (range.from === null && range.to === null) return TABLES.users;
  await engine.createTable(TABLES.population, populationSql(), [range.from, range.to]);
  return TABLES.population;
}

function segmentTotals(rows: readonly Record<string, unknown>[]): Record<Segment, SegmentTotals> {
  const out = {} as Record<Segment, SegmentTotals>;
  for (const s of SEGMENTS) {
    const row = rows.find((r) => r.segment === s);
    out[s] = {
      users: Number(row?.users ?? 0),
      orders: Number(row?.orders ?? 0),
      revenue_rub: Number(row?.revenue_rub ?? 0),
    };
  }
  return out;
}

/**
 * agg_users and rejects: CSV and Parquet written by DuckDB; from PostgreSQL, CSV streamed
 * through a cursor. Text in the CSVs is guarded against spreadsheet formulas unless csvRaw.
 */
async function writeTables(
  engine: Engine,
  output: OutputSet,
  P: number | null,
  predicted: boolean,
  csvRaw: boolean,
): Promise<void> {
  const excluded = P === null ? "false" : `total_orders > ${Number(P)}`;
  const tables: ["agg_users" | "rejects" | "predictions", ExportSource][] = [
    [
      "agg_users",
      {
        sql: `SELECT *, ${excluded} AS excluded_by_filter FROM ${TABLES.users}`,
        orderBy: "user_id",
      },
    ],
    ["rejects", { sql: `SELECT * FROM ${TABLES.rejects}`, orderBy: "row_number" }],
  ];
  if (predicted) {
    tables.push([
      "predictions",
      { sql: `SELECT * FROM ${TABLES.predictions}`, orderBy: "user_id" },
    ]);
  }
  for (const [name, source] of tables) {
    if (engine instanceof PostgresEngine) {
      await exportCsv(engine, source, output.file(`${name}.csv`), csvRaw);
      continue;
    }
    for (const format of ["csv", "parquet"] as const) {
      await exportQuery(engine, source, output.file(`${name}.${format}`), format, csvRaw);
    }
  }
}

/**
 * The customer lists (§14), one CSV each under lists/: every list's rows are first kept in a
 * working table, since an export reads a query without bound values.
 */
async function writeLists(
  engine: Engine,
  output: OutputSet,
  lists: readonly PlannedList[],
  csvRaw: boolean,
): Promise<void> {
  for (const list of lists) {
    const table = `${TABLES.listPrefix}${list.name}`;
    await engine.createTable(table, list.rows.sql, list.rows.params);
    const source = { sql: `SELECT * FROM ${table}`, orderBy: "total_revenue_rub DESC, user_id" };
    const file = output.file(`lists/${list.name}.csv`);
    if (engine instanceof PostgresEngine) await exportCsv(engine, source, file, csvRaw);
    else await exportQuery(engine, source, file, "csv", csvRaw);
    await engine.drop(table, "table");
  }
}
