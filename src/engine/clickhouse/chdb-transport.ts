import type { ChdbResult, Session } from "chdb";
import { configError } from "../../errors.js";
import { quoteClickHouseIdent, quoteClickHouseLiteral } from "../sql.js";
import type { ColumnMeta } from "./clickhouse-values.js";
import {
  ClickHouseFailure,
  type CompactResult,
  type CsvInsert,
  parseServerMessage,
  type Statement,
  type Transport,
} from "./transport.js";

type Chdb = typeof import("chdb");

/** The chdb module, loaded only when the embedded engine is asked for. */
async function loadChdb(): Promise<Chdb> {
  try {
    return await import("chdb");
  } catch (error) {
    throw configError(
      `the embedded ClickHouse is not available (the npm package chdb: ${String((error as Error).message).split("\n")[0]})`,
      "Install it with npm install chdb (Linux or macOS), or set CLICKHOUSE_URL to a ClickHouse server",
    );
  }
}

/**
 * chdb runs one engine per process, and one statement at a time: results of statements run
 * side by side on one connection get mixed. Every statement of every session waits its turn.
 */
let queue: Promise<unknown> = Promise.resolve();
/** Settles when a statement whose call was aborted has finished in the engine. */
let unfinished: Promise<void> = Promise.resolve();
function serially<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

/**
 * The result of the statement itself. A statement that failed midway (a timeout) leaves what
 * it had written in chdb's buffer, and the next result arrives after it: the last JSONCompact
 * document is the statement's own.
 */
function lastDocument(text: string): CompactResult {
  const start = text.lastIndexOf('{\n\t"meta":');
  return JSON.parse(start > 0 ? text.slice(start) : text) as CompactResult;
}

const isChdbError = (error: unknown) =>
  String((error as { code?: unknown })?.code ?? "").startsWith("CHDB");

function failure(error: unknown): ClickHouseFailure {
  const e = error as { message?: string; clickhouseCode?: number; name?: string };
  const parsed = parseServerMessage(String(e.message ?? error));
  return new ClickHouseFailure(parsed.message, e.clickhouseCode ?? parsed.code);
}

/**
 * ClickHouse in-process, on a database kept in a directory. Session settings are SET once:
 * the engine's session lasts as long as the process's connection to the directory.
 */
export class ChdbTransport implements Transport {
  private constructor(
    private readonly chdb: Chdb,
    private readonly session: Session,
  ) {}

  static async open(
    dir: string,
    settings: Record<string, string | number>,
  ): Promise<ChdbTransport> {
    const chdb = await loadChdb();
    let session: Session;
    try {
      session = new chdb.Session(dir);
    } catch (error) {
      throw failure(error);
    }
    const transport = new ChdbTransport(chdb, session);
    for (const [name, value] of Object.entries(settings)) {
      await transport.command({
        sql: `SET ${name} = ${typeof value === "number" ? value : quoteClickHouseLiteral(value)}`,
        params: {},
        queryId: "",
        signal: new AbortController().signal,
      });
    }
    return transport;
  }

  private run(statement: Statement): Promise<ChdbResult> {
    return serially(async () => {
      await unfinished;
      statement.signal.throwIfAborted();
      try {
        const options = { format: "JSONCompact", signal: statement.signal };
        return Object.keys(statement.params).length
          ? await this.session.queryBindAsync(statement.sql, statement.params, options)
          : await this.session.queryAsync(statement.sql, options);
      } catch (error) {
        // An aborted statement rejects at once while the engine finishes it: the next one
        // waits until the connection is free again.
        if (statement.signal.aborted) unfinished = this.chdb.drainPending();
        throw failure(error);
      }
    });
  }

  async command(statement: Statement): Promise<void> {
    await this.run(statement);
  }

  async query(statement: Statement): Promise<CompactResult> {
    const result = await this.run(statement);
    const text = result.text();
    return text ? lastDocument(text) : { meta: [], data: [] };
  }

  async stream(
    statement: Statement,
    onBatch: (rows: readonly unknown[][], meta: readonly ColumnMeta[]) => Promise<void>,
  ): Promise<void> {
    await serially(async () => {
      try {
        const stream = this.session.queryStreamBind(statement.sql, statement.params, {
          format: "JSONCompactEachRowWithNamesAndTypes",
          signal: statement.signal,
        });
        let meta: ColumnMeta[] | undefined;
        for await (const chunk of stream) {
          let rows = chunk
            .text()
            .split("\n")
            .filter((line) => line)
            .map((line) => JSON.parse(line) as unknown[]);
          if (!meta) {
            const [names = [], types = []] = rows;
            meta = names.map((name, i) => ({ name: String(name), type: String(types[i]) }));
            rows = rows.slice(2);
            await onBatch([], meta);
          }
          if (rows.length) await onBatch(rows, meta);
        }
      } catch (error) {
        // A failure of onBatch (writing the file) is passed on as it is.
        throw isChdbError(error) ? failure(error) : error;
      }
    });
  }

  async insertCsv(statement: Omit<Statement, "sql" | "params">, file: CsvInsert): Promise<void> {
    const structure = file.columns
      .map((c) => `${quoteClickHouseIdent(c)} Nullable(String)`)
      .join(", ");
    const settings = Object.entries(file.settings)
      .map(([k, v]) => `${k} = ${typeof v === "number" ? v : quoteClickHouseLiteral(v)}`)
      .join(", ");
    const columns = file.columns.map(quoteClickHouseIdent).join(", ");
    // file() reads .gz itself; every field arrives as text and the table's types parse it.
    const format = file.header ? "CSVWithNames" : "CSV";
    await this.command({
      ...statement,
      params: {},
      sql:
        `INSERT INTO ${file.table} (${columns}) SELECT * FROM file(${quoteClickHouseLiteral(file.path)}, ` +
        `${format}, ${quoteClickHouseLiteral(structure)}) SETTINGS ${settings}`,
    });
  }

  /** chdb cannot run a second statement beside the first: a cancel aborts the call instead. */
  async kill(): Promise<void> {}

  async close(): Promise<void> {
    await serially(async () => {
      await unfinished;
      this.session.close();
      await this.chdb.drainPending();
    });
  }
}
