import type { AnalysisConfig, EngineKind, EngineSettings } from "../config/config.js";
import { ClickHouseEngine } from "./clickhouse/engine.js";
import { DuckDBEngine } from "./duckdb/engine.js";
import type { Engine } from "./engine.js";
import { PostgresEngine } from "./postgres/engine.js";

/** What every engine is opened with, besides its own settings. */
export type EngineOptions = Pick<AnalysisConfig, "memoryLimit" | "timeZone" | "tempDirectory">;

type Opener<K extends EngineKind> = (
  settings: Extract<EngineSettings, { kind: K }>,
  options: EngineOptions,
) => Promise<Engine>;

/**
 * Every engine Encore runs in, by the kind the config names: the one place that knows the
 * engines' classes. Adding an engine is a folder under engine/ and one entry here.
 */
const ENGINES: { readonly [K in EngineKind]: Opener<K> } = {
  duckdb: (_, options) =>
    DuckDBEngine.open({
      memoryLimit: options.memoryLimit,
      timeZone: options.timeZone,
      ...(options.tempDirectory ? { tempDirectory: options.tempDirectory } : {}),
    }),
  postgres: (settings, options) =>
    PostgresEngine.connect({
      ...settings.connection,
      statementTimeoutMs: settings.statementTimeoutMs,
      timeZone: options.timeZone,
    }),
  // ClickHouse's session reads every instant in UTC (sessionSettings): the configured zone is
  // not applied there.
  clickhouse: (settings) =>
    ClickHouseEngine.connect({
      connection: settings.connection,
      statementTimeoutMs: settings.statementTimeoutMs,
    }),
};

/** Opens the engine a config runs in. */
export function connectEngine(settings: EngineSettings, options: EngineOptions): Promise<Engine> {
  const open = ENGINES[settings.kind] as Opener<EngineKind>;
  return open(settings as never, options);
}

/** How results.json names where the study ran. */
export const SOURCE_LABELS = {
  duckdb: "files",
  postgres: "postgres",
  clickhouse: "clickhouse",
} as const satisfies Record<EngineKind, string>;
