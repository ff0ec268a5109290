import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import {
  type ClickHouseClient,
  ClickHouseError,
  ClickHouseLogLevel,
  createClient,
} from "@clickhouse/client";
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

export interface HttpSettings {
  readonly url: string;
  readonly user?: string;
  readonly password?: string;
  readonly database?: string;
  /** Sent with every statement (HTTP query parameters). */
  readonly settings: Record<string, string | number>;
  /** How long the client waits for one response, beyond the server's own timeout. */
  readonly requestTimeoutMs: number;
}

function failure(error: unknown): ClickHouseFailure {
  if (error instanceof ClickHouseFailure) return error;
  if (error instanceof ClickHouseError) {
    const parsed = parseServerMessage(error.message);
    return new ClickHouseFailure(parsed.message, Number(error.code) || parsed.code);
  }
  const e = error as NodeJS.ErrnoException;
  // Old servers answer an error in a body the client does not recognise as one.
  const parsed = parseServerMessage(String(e.message ?? error));
  return new ClickHouseFailure(parsed.message, parsed.code, e.code);
}

/**
 * A ClickHouse server through the official HTTP client. Every statement carries one session
 * id, so temporary tables live as long as the engine; a second client without a session
 * stops statements (KILL QUERY), since a session runs one statement at a time.
 */
export class HttpTransport implements Transport {
  private readonly client: ClickHouseClient;
  private killer: ClickHouseClient | undefined;

  constructor(private readonly options: HttpSettings) {
    this.client = this.newClient(randomUUID());
  }

  private newClient(sessionId: string | undefined): ClickHouseClient {
    const { url, user, password, database, settings, requestTimeoutMs } = this.options;
    return createClient({
      url,
      ...(user ? { username: user } : {}),
      password: password ?? "",
      ...(database ? { database } : {}),
      ...(sessionId ? { session_id: sessionId } : {}),
      application: "encore",
      request_timeout: requestTimeoutMs,
      clickhouse_settings: settings,
      // Failures reach the user as Encore's one-line errors, not as the client's log.
      log: { level: ClickHouseLogLevel.OFF },
    });
  }

  async command(statement: Statement): Promise<void> {
    try {
      await this.client.command({
        query: statement.sql,
        query_params: statement.params,
        query_id: statement.queryId,
        abort_signal: statement.signal,
      });
    } catch (error) {
      throw failure(error);
    }
  }

  async query(statement: Statement): Promise<CompactResult> {
    try {
      const result = await this.client.query({
        query: statement.sql,
        format: "JSONCompact",
        query_params: statement.params,
        query_id: statement.queryId,
        abort_signal: statement.signal,
      });
      return (await result.json()) as unknown as CompactResult;
    } catch (error) {
      throw failure(error);
    }
  }

  async stream(
    statement: Statement,
    onBatch: (rows: readonly unknown[][], meta: readonly ColumnMeta[]) => Promise<void>,
  ): Promise<void> {
    let result: Awaited<ReturnType<ClickHouseClient["query"]>>;
    try {
      result = await this.client.query({
        query: statement.sql,
        format: "JSONCompactEachRowWithNamesAndTypes",
        query_params: statement.params,
        query_id: statement.queryId,
        abort_signal: statement.signal,
      });
    } catch (error) {
      throw failure(error);
    }
    let header: unknown[][] = [];
    let meta: ColumnMeta[] | undefined;
    let writing = false;
    try {
      for await (const batch of result.stream()) {
        const rows = batch.map((row) => row.json<unknown[]>());
        if (!meta) {
          header = [...header, ...rows.splice(0, 2 - header.length)];
          if (header.length < 2) continue;
          const [names = [], types = []] = header;
          meta = names.map((name, i) => ({ name: String(name), type: String(types[i]) }));
          writing = true;
          await onBatch([], meta);
          writing = false;
        }
        if (!rows.length) continue;
        writing = true;
        await onBatch(rows, meta);
        writing = false;
      }
    } catch (error) {
      // A failure of onBatch (writing the file) is passed on as it is.
      throw writing ? error : failure(error);
    }
  }

  async insertCsv(statement: Omit<Statement, "sql" | "params">, file: CsvInsert): Promise<void> {
    const read = createReadStream(file.path);
    const body = file.path.toLowerCase().endsWith(".gz") ? read.pipe(createGunzip()) : read;
    try {
      await this.client.insert({
        table: file.table,
        values: body,
        format: file.header ? "CSVWithNames" : "CSV",
        columns: file.columns.map(quoteClickHouseIdent) as [string, ...string[]],
        clickhouse_settings: file.settings,
        query_id: statement.queryId,
        abort_signal: statement.signal,
      });
    } catch (error) {
      throw failure(error);
    } finally {
      read.destroy();
    }
  }

  async kill(queryId: string): Promise<void> {
    this.killer ??= this.newClient(undefined);
    try {
      // The id is Encore's own UUID; a literal, since old servers bind no parameters.
      await this.killer.command({
        query: `KILL QUERY WHERE query_id = ${quoteClickHouseLiteral(queryId)} SYNC`,
      });
    } catch (error) {
      throw failure(error);
    }
  }

  async close(): Promise<void> {
    await this.client.close();
    await this.killer?.close();
  }
}
