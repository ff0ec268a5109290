import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AnalysisResults } from "../src/analysis/results.js";
import { openEngine, runAnalysis } from "../src/analysis/run-analysis.js";
import { configFilter, openStudy } from "../src/analysis/study.js";
import type { AnalysisConfig } from "../src/config/config.js";
import { type ConfigOverrides, resolveConfig } from "../src/config/load-config.js";
import type { ConfigFile } from "../src/config/schema.js";

export const tempDir = (prefix = "encore-test-") => mkdtemp(join(tmpdir(), prefix));

/**
 * The config's run as encore serve answers it: a study opened for many filtered runs (with
 * what it makes once for them), asked the config's filter, then closed.
 */
export async function servedRun(config: AnalysisConfig): Promise<AnalysisResults> {
  const study = await openStudy(await openEngine(config), config, {
    keepRejects: false,
    forFilters: true,
  });
  try {
    return await study.run({ filter: configFilter(config) });
  } finally {
    await study.close();
  }
}

export interface RunOutput {
  results: AnalysisResults;
  dir: string;
  users: Record<string, string>[];
  rejects: Record<string, string>[];
}

/** Writes the CSV texts to a temp dir, analyses them, and reads the outputs back. */
export async function analyzeCsv(
  orders: string,
  rates: string | null,
  overrides: ConfigOverrides = {},
  file: ConfigFile = {},
): Promise<RunOutput> {
  const dir = await tempDir();
  await writeFile(join(dir, "orders.csv"), orders);
  if (rates !== null) await writeFile(join(dir, "rates.csv"), rates);
  const config = resolveConfig(file, dir, {
    orders: join(dir, "orders.csv"),
    ...(rates === null ? {} : { rates: join(dir, "rates.csv") }),
    filterQuantile: "none",
    ...overrides,
  });
  const out = join(dir, "out");
  const results = await runAnalysis(config, { outDir: out });
  return {
    results,
    dir: out,
    users: parseCsv(await readFile(join(out, "agg_users.csv"), "utf8")),
    rejects: parseCsv(await readFile(join(out, "rejects.csv"), "utf8")),
  };
}

/** A small CSV reader for test outputs (quoted fields supported). */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let field = "";
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (ch !== "\r") field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...data] = rows;
  if (!header) return [];
  return data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}

export const csv = (...lines: string[]) => `${lines.join("\n")}\n`;

/**
 * A small tmpfs mounted for a test (a full disk, a read-only file system), or null where the
 * test may not mount (not root, or in a container without the capability). Unmount with
 * `unmount`.
 */
export async function mountTmpfs(options: string): Promise<string | null> {
  if (process.getuid?.() !== 0) return null;
  const dir = await tempDir("encore-mnt-");
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir], { stdio: "ignore" });
    return dir;
  } catch {
    return null;
  }
}

export function unmount(dir: string | null): void {
  if (!dir) return;
  execFileSync("umount", [dir], { stdio: "ignore" });
  rmSync(dir, { recursive: true, force: true });
}
