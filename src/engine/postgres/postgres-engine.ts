import pg from "pg";
import { EncoreError, engineError } from "../../errors.js";
import type { Engine, Row, SqlValue } from "../engine.js";
import { normalizeRow } from "../normalize.js";
import { postgresDialect } from "./postgres-dialect.js";

export interface PostgresEngineOptions {
  /** A postgres:// URL; without one, pg reads the standard PG* variables (PGHOST, PGUSER, …). */
  connectionString?: string;
}

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

/** A driver message with every occurrence of the password blanked. */
function redact(message: string, password: string | undefined): string {
  const hidden = password ? message.replaceAll(password, "***") : message;
  // A URL echoed back by a parser carries its password after the user name.
  return hidden.replace(/(postgres(?:ql)?:\/\/[^:/@\s]*:)[^@\s]*@/g, "$1***@");
}

function passwordOf(options: PostgresEngineOptions): string | undefined {
  if (options.connectionString) {
    try {
      return decodeURIComponent(new URL(options.connectionString).password) || undefined;
    } catch {
      // Not a URL (a key=value string): fall through to the environment's password.
    }
  }
  return process.env.PGPASSWORD || undefined;
}

/** A PostgreSQL server as Encore's engine; values are always bound as $1, $2, … */
export class PostgresEngine implements Engine {
  readonly dialect = postgresDialect;
  private lost: Error | undefined;

  private constructor(
    private readonly client: pg.Client,
    private readonly password: string | undefined,
  ) {
    // Without a listener a dropped connection would crash the process; the next query reports it.
    client.on("error", (error) => {
      this.lost = error;
    });
  }

  static async connect(options: PostgresEngineOptions | string = {}): Promise<PostgresEngine> {
    const opts = typeof options === "string" ? { connectionString: options } : options;
    const password = passwordOf(opts);
    const client = new pg.Client({
      ...(opts.connectionString ? { connectionString: opts.connectionString } : {}),
      types,
      application_name: "encore",
      // Session settings only: the text forms the parsers above expect.
      options: "-c DateStyle=ISO -c extra_float_digits=1",
    });
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      const where = `${client.host || "the default host"}:${client.port}`;
      throw engineError(
        `cannot connect to PostgreSQL at ${where}: ${redact((error as Error).message, password)}`,
        "Check that the server is running and DATABASE_URL or the PG* variables (host, port, user, password, database)",
      );
    }
    return new PostgresEngine(client, password);
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
    try {
      const result = await this.client.query(sql, params as SqlValue[]);
      return result.rows;
    } catch (error) {
      if (error instanceof EncoreError) throw error;
      const message = redact((error as Error).message, this.password);
      if (this.lost)
        throw engineError(
          `the connection to PostgreSQL was lost: ${redact(this.lost.message, this.password)}`,
        );
      throw engineError(`PostgreSQL failed: ${message}`);
    }
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
