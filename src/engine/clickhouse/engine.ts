import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { type ClickHouseConnection, describeClickHouse } from "../../config/clickhouse-env.js";
import type { DataSource } from "../../config/config.js";
import type {
  Engine,
  EngineCapabilities,
  ExportFormat,
  ExportSource,
  Row,
  SourceColumn,
  SqlValue,
  StagedSource,
} from "../engine.js";
import { insertRows } from "../insert-rows.js";
import { quoteClickHouseIdent, quoteClickHouseLiteral } from "../sql.js";
import { asRelation } from "../stage-source.js";
import { bindParams } from "./bind-params.js";
import { type ClickHouseError, clickhouseError } from "./clickhouse-error.js";
import { type ColumnMeta, rowsOf } from "./clickhouse-values.js";
import { clickhouseDialect } from "./dialect.js";
import { exportCsv } from "./export.js";
import { HttpTransport } from "./http-transport.js";
import { describeRelationColumns, stageRelation } from "./stage.js";
import { ClickHouseFailure, type CsvInsert, type Transport } from "./transport.js";

export interface ClickHouseEngineOptions {
  readonly connection: ClickHouseConnection;
  /** max_execution_time of every statement, in milliseconds; 0 means none. */
  readonly statementTimeoutMs?: number;
}

/**
 * The settings of Encore's session. Standard SQL where ClickHouse's defaults differ (NULL from
 * outer joins, NULL kept through CAST, NULL allowed in declared columns, NULL as the sum of
 * nothing, UNION meaning DISTINCT); wall-clock times in UTC, so no time zone shifts one;
 * decimal text read to the nearest double, as DuckDB reads it; and JSON results that a reader
 * cannot round (64-bit integers quoted, ±inf and nan as text).
 */
export function sessionSettings(statementTimeoutMs: number): Record<string, string | number> {
  return {
    join_use_nulls: 1,
    cast_keep_nullable: 1,
    data_type_default_nullable: 1,
    aggregate_functions_null_for_empty: 1,
    union_default_mode: "DISTINCT",
    session_timezone: "UTC",
    precise_float_parsing: 1,
    output_format_json_quote_64bit_integers: 1,
    output_format_json_quote_denormals: 1,
    max_execution_time: statementTimeoutMs / 1000,
    timeout_overflow_mode: "throw",
    // On a cluster: GROUP BY the sharding key (user_id) is finished on the shards, and a
    // subquery or JOIN over the distributed orders ships Encore's small temporary tables to
    // the shards once (GLOBAL) instead of asking each shard to read them.
    optimize_distributed_group_by_sharding_key: 1,
    optimize_skip_unused_shards: 1,
    prefer_global_in_and_join: 1,
    // A long statement over HTTP sends progress headers now and then, so that no proxy or load
    // balancer closes the idle connection.
    send_progress_in_http_headers: 1,
    http_headers_progress_interval_ms: 30_000,
  };
}

/** The transport for a connection: chdb is imported only here, and only when asked for. */
async function openTransport(
  connection: ClickHouseConnection,
  settings: Record<string, string | number>,
  statementTimeoutMs: number,
): Promise<Transport> {
  if (connection.kind === "chdb") {
    const { ChdbTransport } = await import("./chdb-transport.js");
    return ChdbTransport.open(resolve(connection.dir), settings);
  }
  // The client waits longer than the server lets a statement run, so the server's timeout,
  // with its clear message, comes first.
  const requestTimeoutMs = statementTimeoutMs ? statementTimeoutMs + 60_000 : 24 * 3600_000;
  return new HttpTransport({ ...connection, settings, requestTimeoutMs });
}

/**
 * ClickHouse as Encore's engine, in-process (chdb:DIR) or a server over HTTP. Encore reads the
 * source and writes only temporary tables and views of its own session; values are bound as
 * {name:Type} parameters.
 */
export class ClickHouseEngine implements Engine {
  readonly dialect = clickhouseDialect;
  /** Tables and queries of the database; CSV streamed out in batches. */
  readonly capabilities: EngineCapabilities = {
    sources: ["table", "query"],
    exportFormats: ["csv"],
  };
  private cancelled = false;
  private running: { readonly queryId: string; readonly controller: AbortController } | undefined;

  private constructor(
    private readonly transport: Transport,
    private readonly options: ClickHouseEngineOptions,
  ) {}

  private serverVersion = "";
  /** The server's version, e.g. "26.7.2.1". */
  get version(): string {
    return this.serverVersion;
  }

  static async connect(options: ClickHouseEngineOptions): Promise<ClickHouseEngine> {
    const timeout = options.statementTimeoutMs ?? 0;
    const wanted = sessionSettings(timeout);
    let settings = wanted;
    if (options.connection.kind === "http") {
      // An older server refuses a setting it does not know: send only those it has.
      const probe = new ClickHouseEngine(
        await openTransport(options.connection, {}, timeout),
        options,
      );
      try {
        // Literals: servers older than query parameters must answer this too.
        const names = Object.keys(wanted).map(quoteClickHouseLiteral).join(", ");
        const known = await probe.connecting(() =>
          probe.all(`SELECT name FROM system.settings WHERE name IN (${names})`),
        );
        const has = new Set(known.map((r) => String(r.name)));
        settings = Object.fromEntries(Object.entries(wanted).filter(([name]) => has.has(name)));
      } finally {
        await probe.close();
      }
    }
    const engine = new ClickHouseEngine(
      await openTransport(options.connection, settings, timeout).catch((error: unknown) => {
        throw error instanceof ClickHouseFailure ? connectError(error, options) : error;
      }),
      options,
    );
    try {
      const [row] = await engine.connecting(() => engine.all("SELECT version() AS v"));
      engine.serverVersion = String(row?.v);
      return engine;
    } catch (error) {
      await engine.close();
      throw error;
    }
  }

  /** Runs the first statements, whose network failure means the server was never reached. */
  private async connecting<T>(task: () => Promise<T>): Promise<T> {
    this.isConnecting = true;
    try {
      return await task();
    } finally {
      this.isConnecting = false;
    }
  }
  private isConnecting = false;

  async run(sql: string, params: readonly SqlValue[] = []): Promise<void> {
    await this.execute(sql, params, false);
  }

  async all(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return this.execute(sql, params, true);
  }

  /**
   * A temporary MergeTree table: it lives as long as the session, may outgrow memory, and
   * takes ALTER … UPDATE.
   */
  async createTable(name: string, sql: string, params: readonly SqlValue[] = []): Promise<void> {
    await this.run(
      `CREATE TEMPORARY TABLE ${quoteClickHouseIdent(name)} ENGINE = MergeTree ORDER BY tuple() AS ${sql}`,
      params,
    );
  }

  /** In statements of bound values, a few thousand at a time. */
  insert(table: string, columns: readonly string[], rows: readonly SqlValue[][]): Promise<void> {
    return insertRows(this, table, columns, rows);
  }

  async createView(name: string, sql: string): Promise<void> {
    await this.run(`CREATE TEMPORARY VIEW ${quoteClickHouseIdent(name)} AS ${sql}`);
  }

  async drop(name: string, kind: "table" | "view"): Promise<void> {
    await this.run(
      `DROP TEMPORARY ${kind === "table" ? "TABLE" : "VIEW"} ${quoteClickHouseIdent(name)}`,
    );
  }

  describe(source: DataSource, what: string): Promise<SourceColumn[]> {
    return describeRelationColumns(this, asRelation(source), what);
  }

  /** The source copied once into a temporary table, so every statement sees the same rows. */
  async stage(
    source: DataSource,
    columns: readonly SourceColumn[],
    table: string,
    rowColumn: string,
    what: string,
  ): Promise<StagedSource> {
    const rows = await stageRelation(this, asRelation(source), table, rowColumn, what);
    return { columns: [...columns], rows, kind: "table" };
  }

  async export(
    source: ExportSource,
    path: string,
    format: ExportFormat,
    raw: boolean,
  ): Promise<void> {
    if (format !== "csv") throw new Error(`ClickHouse writes no ${format} here`);
    await exportCsv(this, source, path, raw);
  }

  /**
   * Streams a query's rows in batches, with the columns first (even for no rows); instants
   * whole, as an output file writes them.
   */
  async stream(
    sql: string,
    onBatch: (rows: Row[], fields: readonly string[]) => Promise<void> | void,
  ): Promise<void> {
    await this.statement(sql, [], (statement) =>
      this.transport.stream(statement, async (data, meta: readonly ColumnMeta[]) => {
        await onBatch(
          rowsOf(meta, data, true),
          meta.map((m) => m.name),
        );
      }),
    );
  }

  /** Loads a CSV file into a table of the database (encore load); see Transport.insertCsv. */
  async insertCsv(file: CsvInsert): Promise<void> {
    await this.statement("", [], (statement) => this.transport.insertCsv(statement, file));
  }

  private async execute(sql: string, params: readonly SqlValue[], read: boolean): Promise<Row[]> {
    return this.statement(sql, params, async (statement) => {
      if (!read) {
        await this.transport.command(statement);
        return [];
      }
      const result = await this.transport.query(statement);
      return rowsOf(result.meta, result.data);
    });
  }

  private async statement<T>(
    sql: string,
    params: readonly SqlValue[],
    task: (statement: Parameters<Transport["command"]>[0]) => Promise<T>,
  ): Promise<T> {
    const bound = bindParams(sql, params);
    const running = { queryId: randomUUID(), controller: new AbortController() };
    this.running = running;
    try {
      if (this.cancelled) throw new ClickHouseFailure("cancelled", undefined);
      return await task({ ...bound, queryId: running.queryId, signal: running.controller.signal });
    } catch (error) {
      if (!(error instanceof ClickHouseFailure)) throw error;
      throw this.explain(error);
    } finally {
      if (this.running === running) this.running = undefined;
    }
  }

  private explain(failure: ClickHouseFailure): ClickHouseError {
    return clickhouseError(failure, {
      where: describeClickHouse(this.options.connection),
      cancelled: this.cancelled,
      statementTimeoutMs: this.options.statementTimeoutMs ?? 0,
      connecting: this.isConnecting,
    });
  }

  /**
   * Cancels the running statement (Ctrl-C): the call is aborted at once and, on a server, the
   * statement is killed by its id. The embedded engine cannot stop a statement midway: it
   * finishes it (within the statement timeout) in the background, and close() waits for it.
   */
  resume(): void {
    this.cancelled = false;
  }

  /** Working tables are temporary, private to this session: no second one can read them. */
  async fork(): Promise<null> {
    return null;
  }

  async cancel(): Promise<void> {
    this.cancelled = true;
    const running = this.running;
    if (!running) return;
    running.controller.abort();
    await this.transport.kill(running.queryId).catch((error: unknown) => {
      throw error instanceof ClickHouseFailure ? this.explain(error) : error;
    });
  }

  async close(): Promise<void> {
    await this.transport.close();
  }
}

function connectError(
  failure: ClickHouseFailure,
  options: ClickHouseEngineOptions,
): ClickHouseError {
  return clickhouseError(failure, {
    where: describeClickHouse(options.connection),
    cancelled: false,
    statementTimeoutMs: 0,
    connecting: true,
  });
}
