import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { AnalysisConfig } from "../config/config.js";
import { DuckDBEngine } from "../engine/duckdb/duckdb-engine.js";
import { exportQuery } from "../engine/duckdb/export.js";
import { describeFile, stageFile } from "../engine/duckdb/file-scan.js";
import type { Engine } from "../engine/engine.js";
import { quoteIdent } from "../engine/sql.js";
import { inputError } from "../errors.js";
import { checkReadableFile } from "../io/check-file.js";
import { DIMENSIONS, ORDER_COLUMNS } from "../model/columns.js";
import {
  applyReasonsSql,
  availableDimensions,
  checkedOrdersSql,
  repeatedOrderReasonsSql,
} from "../queries/checked-orders.js";
import { acceptedOrdersSql, integerOrderIdsSql, orderGapsSql } from "../queries/orders.js";
import {
  dailyRatesSql,
  emptyRatesSql,
  RATE_COLUMNS,
  rateCurrenciesSql,
  ratesSql,
} from "../queries/rates.js";
import {
  currencySql,
  dateRangeSql,
  daysSincePrevCheckSql,
  ledgerSql,
  segmentsSql,
} from "../queries/summaries.js";
import { ROW_COLUMN, TABLES } from "../queries/tables.js";
import { usersSql } from "../queries/users.js";
import { bindColumns } from "./bind-columns.js";
import { correlationStage } from "./correlation.js";
import { entryPointsStage } from "./entry-points.js";
import { headline, orderCountFilter } from "./filter.js";
import { findingsAndRecommendations } from "./findings/index.js";
import { ledgerBalances, ledgerFromCounts } from "./ledger.js";
import { repeatStage } from "./repeat.js";
import {
  type AnalysisResults,
  type Note,
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
  /** Where to write results.json, agg_users and rejects; nothing is written without it. */
  readonly outDir?: string;
  /** Called as each step starts, for progress on stderr. */
  readonly onProgress?: (step: string) => void;
}

/** Runs the analysis of one orders file: the one place where I/O and computation meet. */
export async function runAnalysis(
  config: AnalysisConfig,
  options: RunOptions = {},
): Promise<AnalysisResults> {
  const progress = options.onProgress ?? (() => {});
  await checkReadableFile(config.orders.path, "orders");
  if (config.rates) await checkReadableFile(config.rates.path, "rates");
  if (options.outDir) await mkdir(options.outDir, { recursive: true });
  const engine = await DuckDBEngine.open({ memoryLimit: config.memoryLimit });
  try {
    return await analyzeWith(engine, config, options.outDir, progress);
  } finally {
    await engine.close();
  }
}

async function analyzeWith(
  engine: Engine,
  config: AnalysisConfig,
  outDir: string | undefined,
  progress: (step: string) => void,
): Promise<AnalysisResults> {
  const d = engine.dialect;
  const notes: Note[] = [];

  progress("reading orders");
  const sourceColumns = await describeFile(engine, config.orders, "orders");
  const { bindings, absent } = bindColumns(sourceColumns, config.columns, config.orders.path);
  for (const column of absent) {
    notes.push({
      code: `absent_${column}`,
      text: `The source has no ${column} column: ${ABSENT_EFFECT[column] ?? "not used"}.`,
    });
  }
  const rowsRead = await stageFile(
    engine,
    config.orders,
    sourceColumns,
    TABLES.raw,
    ROW_COLUMN,
    "orders",
  );
  if (rowsRead === 0) {
    throw inputError(
      `the orders file ${config.orders.path} has no data rows`,
      "Give a file with orders below its header row",
    );
  }

  // Row numbers follow the file only while insertion order is kept; after staging, letting
  // DuckDB reorder lets large statements stream instead of buffering.
  await engine.run("SET preserve_insertion_order = false");

  progress("reading exchange rates");
  const rates = await stageRates(engine, config);
  await engine.run(`CREATE TABLE ${TABLES.dailyRates} AS ${dailyRatesSql()}`);
  await engine.run(`CREATE TABLE ${TABLES.rateCurrencies} AS ${rateCurrenciesSql()}`);

  progress("checking every row");
  const dims = availableDimensions(bindings);
  const rawColumns = sourceColumns.map((c) => c.name);
  await engine.run(
    `CREATE TABLE ${TABLES.checked} AS ${checkedOrdersSql(d, { bindings, rawColumns })}`,
  );
  progress("finding copies and conflicts");
  await engine.run(
    `CREATE TABLE ${TABLES.repeatReasons} AS ${repeatedOrderReasonsSql(d, rawColumns)}`,
  );
  await engine.run(applyReasonsSql(TABLES.repeatReasons));
  progress("writing the ledger and the rejects");
  const ledger = ledgerFromCounts(await engine.all(ledgerSql()));
  if (ledger.rows_read !== rowsRead || !ledgerBalances(ledger)) {
    throw new Error(
      `the ledger does not balance: ${JSON.stringify(ledger)} for ${rowsRead} rows read`,
    );
  }
  await engine.run(
    `CREATE TABLE ${TABLES.rejects} AS SELECT c.${quoteIdent(ROW_COLUMN)} AS row_number, c.reason, r.* EXCLUDE (${quoteIdent(ROW_COLUMN)}) ` +
      `FROM ${TABLES.checked} AS c JOIN ${TABLES.raw} AS r USING (${quoteIdent(ROW_COLUMN)}) WHERE c.reason IS NOT NULL`,
  );
  await engine.run(`DROP ${config.orders.format === "parquet" ? "VIEW" : "TABLE"} ${TABLES.raw}`);

  progress("building the per-user table");
  const [ids] = await engine.all(integerOrderIdsSql(d));
  const integerIds = Number(ids?.n) > 0 && Number(ids?.n) === Number(ids?.integers);
  // A view, not a copy: writing ten million orders a second time costs more than filtering
  // the checked table again in the few statements that read it.
  await engine.run(`CREATE VIEW ${TABLES.orders} AS ${acceptedOrdersSql(dims)}`);
  progress("aggregating users");
  await engine.run(`CREATE TABLE ${TABLES.users} AS ${usersSql(d, dims, integerIds)}`);

  const [range] = await engine.all(dateRangeSql(d));
  const dataEnd = config.dataEnd ?? (range?.last_dt as string | null) ?? null;
  const currencies = (await engine.all(currencySql())).map((r) => ({
    currency_code: String(r.currency_code),
    orders: Number(r.orders),
    revenue: Number(r.revenue),
    revenue_rub: Number(r.revenue_rub),
  }));
  const dspCheck = bindings.days_since_prev
    ? await engine.all(daysSincePrevCheckSql(orderGapsSql(d, integerIds))).then(([r]) => ({
        compared: Number(r?.compared ?? 0),
        mismatches: Number(r?.mismatches ?? 0),
      }))
    : null;
  if (dspCheck && dspCheck.mismatches > 0) {
    notes.push({
      code: "days_since_prev_mismatch",
      text: `The source's days_since_prev differs from the recomputed value in ${dspCheck.mismatches} of ${dspCheck.compared} accepted orders; the recomputed value is used.`,
    });
  }

  progress("applying the order-count filter");
  const filter = await orderCountFilter(engine, config.filterQuantile);
  const overall = await headline(engine, filter.P);
  const segments = segmentTotals(await engine.all(segmentsSql(d), [filter.P]));
  const kept = filter.P === null ? "" : ` WHERE total_orders <= ${Number(filter.P)}`;
  await engine.run(`CREATE VIEW ${TABLES.keptUsers} AS SELECT * FROM ${TABLES.users}${kept}`);
  await engine.run(
    `CREATE TABLE ${TABLES.keptOrders} AS ${orderGapsSql(d, integerIds, TABLES.keptUsers)}`,
  );
  const ctx: StudyContext = {
    engine,
    users: TABLES.keptUsers,
    orders: TABLES.keptOrders,
    dimensions: dims.map((c) => DIMENSIONS[c]),
    minUsers: config.minUsers,
    topN: config.topN,
    dataEnd: dataEnd ?? "1970-01-01",
  };

  progress("entry points");
  const entry_points = await entryPointsStage(ctx);
  progress("repeat purchases");
  const repeat = await repeatStage(ctx, overall, segments);
  progress("revenue");
  const revenue = await revenueStage(ctx);
  progress("time between purchases");
  const time_between_purchases = await timeStage(ctx);
  progress("correlation and segments");
  const correlation = await correlationStage(ctx);
  const segmentProfiles = await segmentProfilesStage(ctx);

  if (outDir) {
    progress("writing agg_users and rejects");
    await writeTables(engine, outDir, filter.P);
  }

  const study: Omit<AnalysisResults, "findings" | "recommendations"> = {
    schema_version: SCHEMA_VERSION,
    data_end: dataEnd,
    data_start: (range?.first_dt as string | null) ?? null,
    input: {
      orders: config.orders.path,
      rates: config.rates?.path ?? null,
      columns: Object.fromEntries(
        ORDER_COLUMNS.map((c) => {
          const b = bindings[c];
          return [c, b ? (b.source ?? "@row_number") : null];
        }),
      ),
      absent_columns: absent,
    },
    ledger,
    preparation: { currencies, rates, days_since_prev_check: dspCheck },
    filter,
    overall,
    repeat,
    entry_points,
    revenue,
    time_between_purchases,
    correlation,
    segments: segmentProfiles,
    notes,
  };
  const results: AnalysisResults = { ...study, ...findingsAndRecommendations(study) };
  if (outDir)
    await writeFile(join(outDir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  return results;
}

const ABSENT_EFFECT: Partial<Record<string, string>> = {
  order_ts: "orders are timed at 00:00 of order_dt",
  order_dt: "order dates are taken from order_ts",
  currency_code: "all revenue is taken to be in roubles",
  tickets_count: "every order counts as one ticket, and the ticket analyses say little",
  device_type_canonical: "the device entry-point analysis is skipped",
  event_type_main: "the event-type entry-point analysis is skipped",
  region_name: "the region entry-point analysis is skipped",
  city_name: "the city entry-point analysis is skipped",
  service_name: "the ticket-operator entry-point analysis is skipped",
  days_since_prev: "nothing to compare the recomputed intervals with",
};

async function stageRates(engine: Engine, config: AnalysisConfig) {
  if (!config.rates) {
    await engine.run(`CREATE TABLE ${TABLES.rates} AS ${emptyRatesSql(engine.dialect)}`);
    return null;
  }
  const columns = await describeFile(engine, config.rates, "rates");
  const missing = RATE_COLUMNS.filter((c) => !columns.some((s) => s.name === c));
  if (missing.length) {
    throw inputError(
      `the rates file ${config.rates.path} has no column ${missing.join(", ")}`,
      "Give rates with the columns date,currency_code,nominal,rate",
    );
  }
  const read = await stageFile(engine, config.rates, columns, TABLES.ratesRaw, ROW_COLUMN, "rates");
  await engine.run(`CREATE TABLE ${TABLES.rates} AS ${ratesSql(engine.dialect)}`);
  await engine.run(
    `DROP ${config.rates.format === "parquet" ? "VIEW" : "TABLE"} ${TABLES.ratesRaw}`,
  );
  const [used] = await engine.all(`SELECT count(*) AS n FROM ${TABLES.rates}`);
  const rowsUsed = Number(used?.n ?? 0);
  return { rows_read: read, rows_used: rowsUsed, rows_ignored: read - rowsUsed };
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

async function writeTables(engine: Engine, outDir: string, P: number | null): Promise<void> {
  const excluded = P === null ? "false" : `total_orders > ${Number(P)}`;
  const users = `SELECT *, ${excluded} AS excluded_by_filter FROM ${TABLES.users} ORDER BY user_id`;
  const rejects = `SELECT * FROM ${TABLES.rejects} ORDER BY row_number`;
  for (const format of ["csv", "parquet"] as const) {
    await exportQuery(engine, users, join(outDir, `agg_users.${format}`), format);
    await exportQuery(engine, rejects, join(outDir, `rejects.${format}`), format);
  }
}
