import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBValue } from "@duckdb/node-api";
import { engineError } from "../../errors.js";
import type { Engine, Row, SqlValue } from "../engine.js";
import { normalizeRow } from "../normalize.js";
import { quoteIdent } from "../sql.js";
import { duckdbDialect } from "./duckdb-dialect.js";

export interface DuckDBEngineOptions {
  /** DuckDB's memory_limit, e.g. '1GB'. Past it, DuckDB spills to its temporary directory. */
  memoryLimit?: string;
  threads?: number;
}

/**
 * The embedded engine: an in-memory database that spills to a private temporary directory
 * past its memory limit, so orders larger than memory still run; the directory is removed
 * on close.
 */
export class DuckDBEngine implements Engine {
  readonly dialect = duckdbDialect;
  private cancelled = false;
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: Awaited<ReturnType<DuckDBInstance["connect"]>>,
    private readonly dir: string,
  ) {}

  static async open(options: DuckDBEngineOptions = {}): Promise<DuckDBEngine> {
    const dir = await mkdtemp(join(tmpdir(), "encore-"));
    const config: Record<string, string> = {
      memory_limit: options.memoryLimit ?? "1GB",
      temp_directory: join(dir, "spill"),
      preserve_insertion_order: "true",
    };
    if (options.threads) config.threads = String(options.threads);
    const instance = await DuckDBInstance.create(":memory:", config);
    // Working tables stay in memory (writing them to a database file, compressed at each
    // checkpoint, took twice as long); past the limit DuckDB spills their blocks to `dir`.
    const connection = await instance.connect();
    return new DuckDBEngine(instance, connection, dir);
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<void> {
    await this.execute(sql, params, false);
  }

  async all(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return this.execute(sql, params, true);
  }

  async createTable(name: string, sql: string, params: readonly SqlValue[] = []): Promise<void> {
    await this.run(`CREATE TABLE ${quoteIdent(name)} AS ${sql}`, params);
  }

  async createView(name: string, sql: string): Promise<void> {
    await this.run(`CREATE VIEW ${quoteIdent(name)} AS ${sql}`);
  }

  async drop(name: string, kind: "table" | "view"): Promise<void> {
    await this.run(`DROP ${kind === "table" ? "TABLE" : "VIEW"} ${quoteIdent(name)}`);
  }

  private async execute(sql: string, params: readonly SqlValue[], read: boolean): Promise<Row[]> {
    try {
      const values = params.length ? (params as DuckDBValue[]) : undefined;
      if (!read) {
        await this.connection.run(sql, values);
        return [];
      }
      const reader = await this.connection.runAndReadAll(sql, values);
      return reader.getRowObjectsJS().map(normalizeRow);
    } catch (error) {
      if (this.cancelled) throw engineError("the analysis was cancelled");
      throw engineError(`DuckDB failed: ${(error as Error).message}`);
    }
  }

  async cancel(): Promise<void> {
    this.cancelled = true;
    this.connection.interrupt();
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
    await rm(this.dir, { recursive: true, force: true });
  }
}
