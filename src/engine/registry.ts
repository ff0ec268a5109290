import type { AnalysisConfig, EngineKind, EngineSettings } from "../config/config.js";
import type { Engine } from "./engine.js";
import type { CopiedSource } from "./postgres/copy.js";

/** What every engine is opened with, besides its own settings. */
export type EngineOptions = Pick<AnalysisConfig, "memoryLimit" | "timeZone" | "tempDirectory">;

type Opener<K extends EngineKind> = (
  settings: Extract<EngineSettings, { kind: K }>,
  options: EngineOptions,
) => Promise<Engine>;

/**
 * Every engine Encore runs in, by the kind the config names: the one place that knows the
 * engines' classes. Adding an engine is a folder under engine/ and one entry here. Each is
 * loaded when a run opens it: a study of files never loads the database clients.
 */
const ENGINES: { readonly [K in EngineKind]: Opener<K> } = {
  duckdb: async (_, options) => {
    const { DuckDBEngine } = await import("./duckdb/engine.js");
    return DuckDBEngine.open({
      memoryLimit: options.memoryLimit,
      timeZone: options.timeZone,
      ...(options.tempDirectory ? { tempDirectory: options.tempDirectory } : {}),
    });
  },
  postgres: async (settings, options) => {
    const { PostgresEngine } = await import("./postgres/engine.js");
    return PostgresEngine.connect({
      ...settings.connection,
      statementTimeoutMs: settings.statementTimeoutMs,
      timeZone: options.timeZone,
    });
  },
  // ClickHouse's session reads every instant in UTC (sessionSettings): the configured zone is
  // not applied there.
  clickhouse: async (settings) => {
    const { ClickHouseEngine } = await import("./clickhouse/engine.js");
    return ClickHouseEngine.connect({
      connection: settings.connection,
      statementTimeoutMs: settings.statementTimeoutMs,
    });
  },
};

/** Opens the engine a config runs in. */
export function connectEngine(settings: EngineSettings, options: EngineOptions): Promise<Engine> {
  const open = ENGINES[settings.kind] as Opener<EngineKind>;
  return open(settings as never, options);
}

/**
 * A PostgreSQL source that its mode (or, by default, its size) says to copy, streamed out once
 * into files for the embedded engine; null when the study runs where the config says.
 */
export async function copyIfSmall(
  config: AnalysisConfig,
  progress: (step: string) => void,
  signal?: AbortSignal,
): Promise<CopiedSource | null> {
  const settings = config.engine;
  if (settings.kind !== "postgres") return null;
  const [{ PostgresEngine }, { copyToFiles, shouldCopy }] = await Promise.all([
    import("./postgres/engine.js"),
    import("./postgres/copy.js"),
  ]);
  const source = await PostgresEngine.connect({
    ...settings.connection,
    statementTimeoutMs: settings.statementTimeoutMs,
    timeZone: config.timeZone,
  });
  try {
    if (!(await shouldCopy(source, settings.mode, config))) return null;
    progress("copying the orders out of PostgreSQL");
    return await copyToFiles(source, config, signal);
  } finally {
    await source.close();
  }
}

/** How results.json names where the study ran. */
export const SOURCE_LABELS = {
  duckdb: "files",
  postgres: "postgres",
  clickhouse: "clickhouse",
} as const satisfies Record<EngineKind, string>;
