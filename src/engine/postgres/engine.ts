import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import type { DataSource } from "../../config/config.js";
import { type ConnectionSettings, describeConnection } from "../../config/connection-env.js";
import { cancelledError, EncoreError, engineError, QueryError } from "../../errors.js";
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
import { normalizeRow } from "../normalize.js";
import { redact } from "../redact.js";
import { quoteIdent, quoteLiteral } from "../sql.js";
import { asRelation } from "../stage-source.js";
import { CopyOutStream } from "./copy-out.js";
import { postgresDialect } from "./dialect.js";
import { exportCsv } from "./export.js";
import { describeRelationColumns, stageRelation } from "./stage.js";

export interface PostgresEngineOptions extends ConnectionSettings {
  /**
   * Every transaction of the session is READ ONLY unless Encore opens one to create or drop its
   * own temporary tables (default true): nothing Encore runs can write to the source database.
   */
  readonly readOnly?: boolean;
  /** PostgreSQL's statement_timeout for every statement, in milliseconds; 0 means none. */
  readonly statementTimeoutMs?: number;
  /** The zone in which timestamptz values become wall-clock times (IANA name; UTC by default). */
  readonly timeZone?: string;
}

/** SQLSTATE of a statement cancelled by statement_timeout or by a cancel request. */
const QUERY_CANCELED = "57014";

/** Type OIDs whose text Encore reads itself (pg_type.oid). */
const OID = { int8: 20, numeric: 1700, date: 1082, timestamp: 1114 } as const;

function toSafeInteger(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`integer ${text} is too large for a number`);
  return n;
}

function toFiniteNumber(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n)) throw new RangeError(`numeric ${text} is not a finite number`);
  if (/^-?[0-9]+$/.test(text) && !Number.isSafeInteger(n))
    throw new RangeError(`integer ${text} is too large for a number`);
  return n;
}

const keepText = (text: string) => text;

/**
 * The text of DATE and TIMESTAMP is kept as PostgreSQL prints it with DateStyle ISO, so no
 * time zone ever shifts a wall-clock time; the rest is pg's default parsing.
 */
const PARSERS: Record<(typeof OID)[keyof typeof OID], (text: string) => unknown> = {
  [OID.int8]: toSafeInteger,
  [OID.numeric]: toFiniteNumber,
  [OID.date]: keepText,
  [OID.timestamp]: keepText,
};

const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    PARSERS[oid as keyof typeof PARSERS] ??
    pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

/** pg's client settings from Encore's connection settings (pg reads PG* for what is missing). */
function clientSettings(options: PostgresEngineOptions): pg.ClientConfig {
  const { connectionString, host, port, user, password, database } = options;
  return {
    ...(connectionString ? { connectionString } : {}),
    ...(host ? { host } : {}),
    ...(port ? { port } : {}),
    ...(user ? { user } : {}),
    ...(password ? { password } : {}),
    ...(database ? { database } : {}),
  };
}

/** A PostgreSQL server as Encore's engine; values are always bound as $1, $2, … */
export class PostgresEngine implements Engine {
  readonly dialect = postgresDialect;
  /** Tables and queries of the database; CSV streamed out through a cursor. */
  readonly capabilities: EngineCapabilities = {
    sources: ["table", "query"],
    exportFormats: ["csv"],
  };
  private lost: Error | undefined;
  private cancelled = false;

  private constructor(
    private readonly client: pg.Client,
    private readonly options: PostgresEngineOptions,
  ) {
    // Without a listener a dropped connection would crash the process; the next query reports it.
    client.on("error", (error) => {
      this.lost = error;
    });
  }

  static async connect(options: PostgresEngineOptions | string = {}): Promise<PostgresEngine> {
    const opts = typeof options === "string" ? { connectionString: options } : options;
    const client = new pg.Client({
      ...clientSettings(opts),
      types,
      application_name: "encore",
      // Session settings only: the text forms the parsers above expect.
      options: "-c DateStyle=ISO -c extra_float_digits=1",
    });
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw engineError(
        `cannot connect to PostgreSQL at ${describeConnection(opts)}: ${redact((error as Error).message)}`,
        "Check that the server is running and DATABASE_URL or the PG* variables (host, port, user, password, database)",
      );
    }
    const engine = new PostgresEngine(client, opts);
    await engine.run("SELECT set_config('statement_timeout', $1, false)", [
      String(opts.statementTimeoutMs ?? 0),
    ]);
    await engine.run("SELECT set_config('TimeZone', $1, false)", [opts.timeZone ?? "UTC"]);
    if (opts.readOnly ?? true) {
      await engine.run("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
    }
    return engine;
  }

  /**
   * A working table in the session's temporary schema. Its columns come from planning the
   * query (WITH NO DATA reads nothing) in a short read-write transaction that only creates it;
   * the rows are then inserted under the session's READ ONLY default, which PostgreSQL allows
   * for temporary tables only. ANALYZE gives the planner its statistics (autovacuum never
   * visits temporary tables).
   */
  async createTable(name: string, sql: string, params: readonly SqlValue[] = []): Promise<void> {
    const table = `pg_temp.${quoteIdent(name)}`;
    // CREATE … AS takes no parameters: its shape is read with each one NULL, which is why the
    // builders give every bound value of a working table's query its type with a CAST.
    const shape = params.length ? sql.replace(/\$\d+\b/g, "NULL") : sql;
    await this.readWrite(`CREATE TEMPORARY TABLE ${quoteIdent(name)} AS ${shape} WITH NO DATA`);
    await this.run(`INSERT INTO ${table} ${sql}`, params);
    await this.analyze(name);
  }

  /** Creates an empty working table with the given column definitions (already quoted). */
  async createEmptyTable(name: string, columns: readonly string[]): Promise<void> {
    await this.readWrite(`CREATE TEMPORARY TABLE ${quoteIdent(name)} (${columns.join(", ")})`);
  }

  /** ANALYZE of a working table, for the planner's statistics. */
  async analyze(name: string): Promise<void> {
    await this.readWrite(`ANALYZE pg_temp.${quoteIdent(name)}`);
  }

  /** The columns of a query's result with their types as PostgreSQL writes them. */
  async columnsOf(sql: string): Promise<{ name: string; type: string }[]> {
    const result = await this.query(sql, []);
    const columns: { name: string; type: string }[] = [];
    for (const field of result.fields) {
      const [row] = (
        await this.query("SELECT format_type($1::oid, $2::integer) AS type", [
          field.dataTypeID,
          field.dataTypeModifier,
        ])
      ).rows;
      columns.push({ name: field.name, type: String(row?.type) });
    }
    return columns;
  }

  /** In statements of bound values, a few thousand at a time. */
  insert(table: string, columns: readonly string[], rows: readonly SqlValue[][]): Promise<void> {
    return insertRows(this, table, columns, rows);
  }

  async createView(name: string, sql: string): Promise<void> {
    await this.readWrite(`CREATE TEMPORARY VIEW ${quoteIdent(name)} AS ${sql}`);
  }

  async drop(name: string, kind: "table" | "view"): Promise<void> {
    // Schema-qualified: only ever an object of this session's temporary schema.
    await this.readWrite(`DROP ${kind === "table" ? "TABLE" : "VIEW"} pg_temp.${quoteIdent(name)}`);
  }

  /**
   * Streams a query's rows in batches through a cursor, so a table of any size leaves the
   * server without being held in memory.
   */
  async stream(
    sql: string,
    onBatch: (rows: Record<string, unknown>[], fields: readonly string[]) => Promise<void> | void,
    batchSize = 10_000,
  ): Promise<void> {
    await this.run("BEGIN READ ONLY");
    try {
      await this.run(`DECLARE encore_stream NO SCROLL CURSOR FOR ${sql}`);
      // The first batch is passed on even when empty, so that a caller learns the columns.
      for (let first = true; ; first = false) {
        const result = await this.query(`FETCH ${Number(batchSize)} FROM encore_stream`, []);
        if (first || result.rows.length) {
          await onBatch(
            result.rows,
            result.fields.map((f) => f.name),
          );
        }
        if (result.rows.length === 0) break;
      }
      await this.run("COMMIT");
    } catch (error) {
      await this.client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  }

  /**
   * Asks the server to cancel the running statement (Ctrl-C), from a second connection as
   * PostgreSQL's protocol requires. The statement then fails with a "cancelled" error.
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
    const other = new pg.Client({ ...clientSettings(this.options), application_name: "encore" });
    try {
      await other.connect();
      // pg keeps the backend pid it got at startup, untyped in @types/pg.
      const pid = (this.client as unknown as { processID: number }).processID;
      await other.query("SELECT pg_cancel_backend($1)", [pid]);
    } finally {
      await other.end().catch(() => undefined);
    }
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
    const rows = await stageRelation(this, asRelation(source), columns, table, rowColumn, what);
    return { columns: [...columns], rows, kind: "table" };
  }

  async export(
    source: ExportSource,
    path: string,
    format: ExportFormat,
    raw: boolean,
  ): Promise<void> {
    if (format !== "csv") throw new Error(`PostgreSQL writes no ${format}`);
    await exportCsv(this, source, path, raw);
  }

  /**
   * Streams a query's rows as CSV with a header (PostgreSQL's COPY … TO STDOUT) into `out`, in
   * a read-only transaction; statement_timeout and cancel apply as to any statement. Returns
   * the rows copied.
   */
  async copyOut(sql: string, out: Writable): Promise<number> {
    await this.run("BEGIN READ ONLY");
    let rows: number | null = null;
    try {
      rows = await this.copyRows(sql, out);
    } finally {
      await this.endTransaction(rows !== null);
    }
    return rows;
  }

  /**
   * COPY of a query's rows as CSV with a header into `out`, inside whatever transaction the
   * caller has begun. Returns the rows copied.
   */
  async copyRows(sql: string, out: Writable): Promise<number> {
    try {
      const stream = this.client.query(
        new CopyOutStream(`COPY (${sql}) TO STDOUT (FORMAT csv, HEADER)`),
      );
      await pipeline(stream, out);
      return stream.rowCount;
    } catch (error) {
      throw this.failure(error);
    }
  }

  /**
   * Begins a read-only REPEATABLE READ transaction on the snapshot `snapshot` (another
   * session's, from beginSharedSnapshot), or on a new one that it exports: sessions that
   * share it see the same rows. Returns the snapshot's name. COMMIT or ROLLBACK ends it.
   */
  async beginSharedSnapshot(snapshot?: string): Promise<string> {
    await this.run("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    try {
      if (snapshot !== undefined) {
        // SET takes no bound values; the name comes from the server's pg_export_snapshot().
        await this.run(`SET TRANSACTION SNAPSHOT ${quoteLiteral(snapshot)}`);
        return snapshot;
      }
      const [row] = await this.all("SELECT pg_export_snapshot() AS snapshot");
      return String(row?.snapshot);
    } catch (error) {
      await this.client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  }

  /** Ends the transaction: COMMIT, or ROLLBACK after a failure. */
  async endTransaction(commit: boolean): Promise<void> {
    if (commit) await this.run("COMMIT");
    else await this.client.query("ROLLBACK").catch(() => undefined);
  }

  /** A second session on the same server with the same settings, for work side by side. */
  sibling(): Promise<PostgresEngine> {
    return PostgresEngine.connect(this.options);
  }

  private async readWrite(sql: string): Promise<void> {
    await this.run("BEGIN READ WRITE");
    try {
      await this.run(sql);
      await this.run("COMMIT");
    } catch (error) {
      await this.client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<void> {
    await this.execute(sql, params);
  }

  async all(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return (await this.execute(sql, params)).map(normalizeRow);
  }

  private async execute(
    sql: string,
    params: readonly SqlValue[],
  ): Promise<Record<string, unknown>[]> {
    return (await this.query(sql, params)).rows;
  }

  private async query(sql: string, params: readonly SqlValue[]): Promise<pg.QueryResult> {
    try {
      return await this.client.query(sql, params as SqlValue[]);
    } catch (error) {
      throw this.failure(error);
    }
  }

  /** What went wrong, in one line: the session, a timeout or a cancel apart from the SQL's own. */
  private failure(error: unknown): Error {
    if (error instanceof EncoreError) return error;
    const message = redact((error as Error).message);
    const code = (error as { code?: string }).code ?? "";
    // Class 57P: the server ended the session (shut down, or the backend was terminated).
    if (this.lost || code.startsWith("57P") || /Connection terminated/i.test(message))
      return engineError(
        `the connection to PostgreSQL was lost: ${redact(this.lost?.message ?? message)}`,
        "Check the server and the network, then run again",
      );
    if (code === QUERY_CANCELED) {
      if (this.cancelled) return cancelledError();
      const ms = this.options.statementTimeoutMs ?? 0;
      return engineError(
        `a query ran longer than the statement timeout${ms ? ` (${ms / 1000} s)` : ""}: ${message}`,
        "Raise --statement-timeout, or analyse a smaller table or query",
      );
    }
    return new QueryError(`PostgreSQL failed: ${message}`);
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
