import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type {
  AnalysisConfig,
  DataSource,
  FileSource,
  PostgresMode,
  RelationSource,
} from "../../config/config.js";
import {
  copySelectSql,
  estimatedRowsSql,
  type TypedColumn,
  tablePagesSql,
} from "../../queries/postgres-copy.js";
import type { PostgresEngine } from "./engine.js";
import { describeRelationColumns, relationSql } from "./stage.js";

/**
 * Past this many rows (the planner's estimate) `auto` studies a PostgreSQL source in the
 * database: a copy of that size would need gigabytes of temporary disk (about 130 bytes a row).
 */
export const COPY_MAX_ROWS = 50_000_000;

/** A PostgreSQL source copied once into files the embedded engine reads, and where they are. */
export interface CopiedSource {
  readonly config: AnalysisConfig;
  /** Removes the copies. */
  remove(): Promise<void>;
}

/**
 * Whether the study of a PostgreSQL source runs on a copy: `copy` always, `in_database` never,
 * `auto` when the planner expects at most COPY_MAX_ROWS orders.
 */
export async function shouldCopy(
  engine: PostgresEngine,
  mode: PostgresMode,
  config: AnalysisConfig,
): Promise<boolean> {
  if (mode !== "auto" || config.orders.kind === "file") return mode === "copy";
  // Read the columns first: a missing table or a bad query fails here with its own message.
  await describeRelationColumns(engine, config.orders, "orders");
  // The plan's top line ends "(cost=… rows=N width=…)".
  const [top] = await engine.all(estimatedRowsSql(relationSql(config.orders)));
  const rows = /\brows=(\d+)/.exec(String(top?.["QUERY PLAN"] ?? ""))?.[1];
  return rows !== undefined && Number(rows) <= COPY_MAX_ROWS;
}

/**
 * Streams the orders and rates of a PostgreSQL source once, with COPY in a read-only
 * transaction, into CSV files under the temporary directory: the study then runs in the
 * embedded engine, which reads them as any CSV (every check of §2 as for files), while the
 * results still name the tables. Instants come out as wall-clock ISO text in the config's zone.
 */
export async function copyToFiles(
  engine: PostgresEngine,
  config: AnalysisConfig,
  signal?: AbortSignal,
): Promise<CopiedSource> {
  const dir = await mkdtemp(join(config.tempDirectory ?? tmpdir(), "encore-copy-"));
  const sessions = [engine];
  const cancel = () => {
    for (const session of sessions) void session.cancel().catch(() => undefined);
  };
  signal?.addEventListener("abort", cancel, { once: true });
  try {
    const copy = async (source: DataSource, what: "orders" | "rates"): Promise<FileSource> => {
      if (source.kind === "file") return source;
      const columns = await describeRelationColumns(engine, source, what);
      const path = join(dir, `${what}.csv`);
      const pages = source.kind === "table" ? await tablePages(engine, source) : 0;
      let continuedIn: string[] | undefined;
      if (pages < 2) {
        await engine.copyOut(
          copySelectSql(relationSql(source), columns, config.timeZone),
          createWriteStream(path),
        );
      } else {
        const second = await engine.sibling();
        sessions.push(second);
        try {
          continuedIn = [
            await copyInHalves(engine, second, relationSql(source), columns, config, pages, path),
          ];
        } finally {
          sessions.pop();
          await second.close().catch(() => undefined);
        }
      }
      const columnTypes = Object.fromEntries(
        columns.flatMap((c) => {
          const type = copiedType(c.type);
          return type ? [[c.name, type]] : [];
        }),
      );
      return {
        kind: "file",
        path,
        format: "csv",
        origin: source,
        columnTypes,
        ...(continuedIn ? { continuedIn } : {}),
      };
    };
    const orders = await copy(config.orders, "orders");
    const rates = config.rates ? await copy(config.rates, "rates") : null;
    return {
      config: { ...config, orders, rates, engine: { kind: "duckdb" }, copiedFrom: "postgres" },
      remove: () => rm(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  } finally {
    signal?.removeEventListener("abort", cancel);
  }
}

/** A plain table's size in pages; 0 for anything else (a view, a partitioned table). */
async function tablePages(engine: PostgresEngine, source: RelationSource): Promise<number> {
  const [row] = await engine.all(tablePagesSql(), [relationSql(source)]);
  return row?.kind === "r" ? Number(row.pages ?? 0) : 0;
}

/**
 * A table copied by two sessions at once, each its half of the pages, on one shared snapshot
 * (the rows of one moment, as a single COPY would see them): the server's output functions,
 * most of a copy's time, then run on two cores. The first half goes to `path`, the second to
 * the file returned, each with the header: read one after the other they hold the table's
 * rows in the order of its pages, as one sequential scan reads them (appending the second to
 * the first cost a second at ten million orders).
 */
async function copyInHalves(
  first: PostgresEngine,
  second: PostgresEngine,
  relation: string,
  columns: readonly TypedColumn[],
  config: AnalysisConfig,
  pages: number,
  path: string,
): Promise<string> {
  const half = Math.floor(pages / 2);
  const rest = path.replace(/\.csv$/, "-2.csv");
  const snapshot = await first.beginSharedSnapshot();
  let ok = false;
  try {
    await second.beginSharedSnapshot(snapshot);
    try {
      // Both statements are sent before either is awaited; the first failure is the copy's.
      const copies = [
        first.copyRows(
          copySelectSql(relation, columns, config.timeZone, { to: half }),
          createWriteStream(path),
        ),
        second.copyRows(
          copySelectSql(relation, columns, config.timeZone, { from: half }),
          createWriteStream(rest),
        ),
      ];
      const settled = await Promise.allSettled(copies);
      const failed = settled.find((r) => r.status === "rejected");
      if (failed) throw (failed as PromiseRejectedResult).reason;
      ok = true;
    } finally {
      await second.endTransaction(ok);
    }
  } finally {
    await first.endTransaction(ok);
  }
  return rest;
}

/**
 * The DuckDB type a copied column is read as, from its PostgreSQL type: integers, floating
 * point, timestamps (written as wall-clock ISO text) and dates keep their type, so the study
 * reads them as it reads them inside the database and parses no text (at 10M orders, reading
 * the copy and checking every row took half the time with text). Anything else stays text,
 * numeric too: its digits may exceed a double's range, which text parsing rejects row by row
 * where a typed read would fail the whole file.
 */
export function copiedType(postgresType: string): string | null {
  const t = postgresType.toLowerCase();
  if (t === "smallint" || t === "integer" || t === "bigint") return "BIGINT";
  if (t === "real" || t === "double precision") return "DOUBLE";
  if (t.startsWith("timestamp")) return "TIMESTAMP";
  if (t === "date") return "DATE";
  return null;
}
