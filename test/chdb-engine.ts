import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ClickHouseEngine } from "../src/engine/clickhouse/engine.js";

export interface ChdbForTest {
  readonly engine: ClickHouseEngine;
  readonly dir: string;
  close(): Promise<void>;
}

/**
 * The embedded ClickHouse on a throwaway directory. chdb is an optional dependency that
 * `npm ci` installs here: a test file that needs it fails, loudly, when it is missing.
 * chdb keeps one database per process, so a test file opens one and shares it.
 */
export async function openChdb(statementTimeoutMs = 0): Promise<ChdbForTest> {
  const dir = await mkdtemp(join(tmpdir(), "encore-chdb-"));
  const engine = await ClickHouseEngine.connect({
    connection: { kind: "chdb", dir },
    statementTimeoutMs,
  });
  return {
    engine,
    dir,
    async close() {
      await engine.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
