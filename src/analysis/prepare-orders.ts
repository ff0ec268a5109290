import type { AnalysisConfig } from "../config/config.js";
import type { Engine } from "../engine/engine.js";
import { describeSource, sourceName, stageSource } from "../engine/stage-source.js";
import { inputError } from "../errors.js";
import type { DimensionColumn, OrderColumn } from "../model/columns.js";
import type { Bindings } from "../queries/bindings.js";
import {
  applyReasonsSql,
  availableDimensions,
  checkedOrdersSql,
  checkedWithReasonsSql,
  rawRowsKeptSql,
  repeatedOrderReasonsSql,
  repeatedOrderRowsSql,
} from "../queries/checked-orders.js";
import {
  acceptedOrdersSql,
  integerOrderIdsSql,
  nonIntegerOrderIdSql,
  type OrderIdOrder,
  orderGapCountsSql,
} from "../queries/orders.js";
import { isIntegerTyped } from "../queries/parse-expressions.js";
import { dailyRatesSql, foreignCurrencyRowsSql, rateCurrenciesSql } from "../queries/rates.js";
import { rejectsSql } from "../queries/rejects.js";
import { daysSincePrevCheckSql, ledgerSql } from "../queries/summaries.js";
import { ROW_COLUMN, TABLES } from "../queries/tables.js";
import { userIdsSql } from "../queries/user-ids.js";
import { usersSql } from "../queries/users.js";
import { bindColumns } from "./bind-columns.js";
import { ledgerBalances, ledgerFromCounts } from "./ledger.js";
import type { AnalysisResults, Ledger, Note } from "./results.js";
import { stageRates } from "./stage-rates.js";
import { afterDataEndNote, outlyingDateNotes, studyWindow } from "./study-window.js";

/** What the preparation (ANALYSIS.md §1–§3) leaves for the study, besides its tables. */
export interface PreparedOrders {
  readonly bindings: Bindings;
  readonly absent: OrderColumn[];
  readonly dims: DimensionColumn[];
  /** How order ids break ties of order_ts (§11.3). */
  readonly orderIds: OrderIdOrder;
  readonly ledger: Ledger;
  readonly preparation: AnalysisResults["preparation"];
  /** The first and last dates of the accepted orders, data_end or not. */
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  /** Accepted orders dated after a configured data_end, left out of the study (§3). */
  readonly ordersAfterDataEnd: number;
  readonly notes: Note[];
}

/**
 * Reads the orders and rates, decides every row's fate (the ledger), converts revenue and
 * builds agg_users, all in the engine: tables enc_checked, enc_rejects, enc_orders (a view),
 * enc_users and enc_order_gaps.
 */
export async function prepareOrders(
  engine: Engine,
  config: AnalysisConfig,
  progress: (step: string) => void,
  {
    keepRejects = true,
    warn = () => {},
  }: { keepRejects?: boolean; warn?: (text: string) => void } = {},
): Promise<PreparedOrders> {
  const d = engine.dialect;
  const notes: Note[] = [];

  progress("reading orders");
  const sourceColumns = await describeSource(engine, config.orders, "orders");
  const { bindings, absent } = bindColumns(
    sourceColumns,
    config.columns,
    sourceName(config.orders),
  );
  for (const column of absent) {
    notes.push({
      code: `absent_${column}`,
      text: `The source has no ${column} column: ${ABSENT_EFFECT[column] ?? "not used"}.`,
    });
  }
  const raw = await stageSource(
    engine,
    config.orders,
    sourceColumns,
    TABLES.raw,
    ROW_COLUMN,
    "orders",
  );
  const rowsRead = raw.rows;
  if (rowsRead === 0) {
    throw inputError(
      `the orders ${config.orders.kind} ${sourceName(config.orders)} has no data rows`,
      config.orders.kind === "file"
        ? "Give a file with orders below its header row"
        : "Give a table or query that has orders",
    );
  }

  if (config.rates) progress("reading exchange rates");
  else await warnOfUnconvertibleOrders(engine, bindings, warn);
  const rates = await stageRates(engine, config);
  if (rates) notes.push(...rates.notes);
  await engine.createTable(TABLES.dailyRates, dailyRatesSql(d, bindings));
  await engine.createTable(TABLES.rateCurrencies, rateCurrenciesSql());

  progress("checking every row");
  const dims = availableDimensions(bindings);
  const rawColumns = sourceColumns.map((c) => c.name);
  if (bindings.user_id) {
    await engine.createTable(TABLES.userIds, userIdsSql(d, bindings.user_id));
  }
  const integerIds = await textIdsAreIntegers(engine, bindings);
  await engine.createTable(TABLES.checked, checkedOrdersSql(d, bindings, integerIds));
  progress("finding copies and conflicts");
  await engine.createTable(TABLES.repeatedRows, repeatedOrderRowsSql());
  await engine.createTable(TABLES.rawKept, rawRowsKeptSql(keepRejects));
  await engine.createTable(TABLES.repeatReasons, repeatedOrderReasonsSql(rawColumns));
  await applyRepeatReasons(engine);
  progress("the ledger and the rejected rows");
  const ledgerRows = await engine.all(ledgerSql(d));
  const ledger = ledgerFromCounts(ledgerRows);
  if (ledger.rows_read !== rowsRead || !ledgerBalances(ledger)) {
    throw new Error(
      `the ledger does not balance: ${JSON.stringify(ledger)} for ${rowsRead} rows read`,
    );
  }
  // The rejected rows as they were read: only rejects.csv needs them, so only a run that
  // writes its outputs keeps them (rawRowsKeptSql).
  if (keepRejects) await engine.createTable(TABLES.rejects, rejectsSql(rawColumns));
  await engine.drop(TABLES.rawKept, "table");

  const currencyRows = ledgerRows.filter((r) => r.reason === null);
  const dates = (key: string) => currencyRows.map((r) => String(r[key])).sort();
  const firstDate = dates("first_dt")[0] ?? null;
  const lastDate = dates("last_dt").at(-1) ?? null;

  progress("building the per-user table");
  const orderIds = await orderIdOrder(engine, bindings, integerIds);
  const ordersAfterDataEnd = await studyWindow(engine, config.dataEnd, firstDate);
  // A view, not a copy: writing ten million orders a second time costs more than filtering
  // the checked table again in the few statements that read it.
  await engine.createView(TABLES.orders, acceptedOrdersSql(config.dataEnd !== null));
  if (ordersAfterDataEnd > 0) notes.push(afterDataEndNote(ordersAfterDataEnd, config.dataEnd));
  notes.push(...(await outlyingDateNotes(engine)));
  progress("aggregating users");
  await engine.createTable(TABLES.users, usersSql(d, bindings, dims, orderIds));
  await engine.drop(TABLES.raw, raw.kind);

  const currencies = currencyRows.map((r) => ({
    currency_code: String(r.currency_code),
    orders: Number(r.n),
    revenue: Number(r.revenue),
    revenue_rub: Number(r.revenue_rub),
  }));
  progress("days between orders");
  await engine.createTable(TABLES.orderGaps, orderGapCountsSql(d, orderIds));
  const dspCheck = bindings.days_since_prev
    ? await engine.all(daysSincePrevCheckSql()).then(([r]) => ({
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

  return {
    bindings,
    absent,
    dims,
    orderIds,
    ledger,
    preparation: { currencies, rates: rates?.summary ?? null, days_since_prev_check: dspCheck },
    firstDate,
    lastDate,
    ordersAfterDataEnd,
    notes,
  };
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

/**
 * With no rates, orders in any currency but roubles cannot be converted: say which and how
 * many before they are rejected, so that a forgotten --rates is caught at once.
 */
async function warnOfUnconvertibleOrders(
  engine: Engine,
  bindings: Bindings,
  warn: (text: string) => void,
): Promise<void> {
  if (!bindings.currency_code) return;
  const rows = await engine.all(foreignCurrencyRowsSql(engine.dialect, bindings.currency_code));
  if (rows.length === 0) return;
  const counts = rows.map((r) => `${Number(r.n).toLocaleString("en-US")} in ${r.currency_code}`);
  const total = rows.reduce((sum, r) => sum + Number(r.n), 0);
  warn(
    `${total.toLocaleString("en-US")} order ${total === 1 ? "row is" : "rows are"} not in roubles ` +
      `(${counts.join(", ")}) and no exchange rates were given: they will be rejected as ` +
      "unknown_currency. Give exchange rates (--rates) to convert them",
  );
}

/**
 * Writes duplicate_row and conflicting_order_id into the checked table: in place where the
 * dialect updates from another table, else by building the table again with them joined in.
 */
async function applyRepeatReasons(engine: Engine): Promise<void> {
  if (engine.dialect.updatesFrom) {
    await engine.run(applyReasonsSql(TABLES.repeatReasons));
    return;
  }
  await engine.createTable(TABLES.reasoned, checkedWithReasonsSql(TABLES.repeatReasons));
  await engine.drop(TABLES.checked, "table");
  await engine.createTable(TABLES.checked, `SELECT * FROM ${TABLES.reasoned}`);
  await engine.drop(TABLES.reasoned, "table");
}

/**
 * Are the order ids text in which every id is a canonical integer (nonIntegerOrderIdSql)? Then
 * the checked table keeps them as numbers: at ten million CSV orders, sorting text ids for the
 * copies, the first orders and the days between orders cost about 2.5 s more than numbers.
 */
async function textIdsAreIntegers(engine: Engine, bindings: Bindings): Promise<boolean> {
  const binding = bindings.order_id;
  if (binding?.kind !== "text") return false;
  const found = await engine.all(nonIntegerOrderIdSql(engine.dialect, binding));
  return found.length === 0;
}

/**
 * Integer-typed ids, and ids in text kept as numbers (`integerIds`), compare as numbers; other
 * ids in text, as integers only when all are (§11.3).
 */
async function orderIdOrder(
  engine: Engine,
  bindings: Bindings,
  integerIds: boolean,
): Promise<OrderIdOrder> {
  if (integerIds || (bindings.order_id && isIntegerTyped(bindings.order_id))) return "number";
  const [ids] = await engine.all(integerOrderIdsSql(engine.dialect));
  return Number(ids?.n) > 0 && Number(ids?.n) === Number(ids?.integers) ? "integer_text" : "text";
}
