import type { Engine, Row } from "../engine/engine.js";
import { OTHER } from "../model/pooled-values.js";
import {
  allPairs,
  featureRangesSql,
  type LevelSpec,
  levelCombosSql,
  levelKeysSql,
  levelValuesSql,
  pairCountsSql,
  spearmanSql,
} from "../queries/correlation.js";
import { phikBinEdges } from "../stats/phik-binning.js";
import {
  CORRELATION_TARGET,
  type CorrelationFeature,
  correlationFeatures,
} from "./correlation-features.js";
import { correlationSection, type SpearmanEntry } from "./correlation-section.js";
import { keyedPairTables, pairTables } from "./correlation-tables.js";
import { finiteNumberOrNull } from "./numbers.js";
import type { CorrelationSection } from "./results.js";
import type { StudyContext } from "./study-context.js";

/**
 * How each feature is levelled, or nothing for a feature phik v0.12.5 drops for having fewer
 * than 2 distinct non-missing values. Interval edges are `phikBinEdges` of the column's min and
 * max over all its non-missing values, before any pair is formed.
 */
function levelSpecs(features: readonly CorrelationFeature[], ranges: Row): (LevelSpec | null)[] {
  return features.map((f, i): LevelSpec | null => {
    if (f.kind === "categorical") {
      if (Number(ranges[`distinct_${i}`] ?? 0) < 2) return null;
      return f.top === undefined
        ? { kind: "categorical", column: f.name }
        : { kind: "categorical", column: f.name, top: f.top };
    }
    const lo = finiteNumberOrNull(ranges[`lo_${i}`]);
    const hi = finiteNumberOrNull(ranges[`hi_${i}`]);
    if (lo === null || hi === null || !(lo < hi)) return null;
    return { kind: "interval", column: f.name, edges: phikBinEdges(lo, hi) };
  });
}

async function spearmanEntries(
  engine: Engine,
  users: string,
  features: readonly CorrelationFeature[],
  target: string,
): Promise<SpearmanEntry[]> {
  if (!features.some((f) => f.name === target)) return [];
  const others = features.filter((f) => f.kind === "interval" && f.name !== target);
  if (others.length === 0) return [];
  const names = others.map((f) => f.name);
  const rows = await engine.all(spearmanSql(engine.dialect, users, target, names));
  return names.map((feature, k) => {
    const row = rows.find((r) => r.k === k);
    const n = Number(row?.users ?? 0);
    const rho = n >= 2 ? finiteNumberOrNull(row?.rho) : null;
    return { feature, rho: rho === null ? null : Math.max(-1, Math.min(1, rho)), users: n };
  });
}

/**
 * φK and Spearman's ρ over the features of a users table (ANALYSIS.md §8), as phik v0.12.5's
 * `phik_matrix(df, interval_cols, bins=10)` defines φK. The heavy work is SQL: min and max per
 * feature, then the users per combination of levels, each combination packed into one key
 * (every pair's contingency table is then counted here; in GROUPING SETS queries when the keys
 * would not stay exact); only the tables (levels × levels counts) reach `phikFromTable`, noise
 * correction on. Features with fewer than
 * 2 distinct values are absent from `features` and the matrix, as phik drops them (and
 * `with_total_orders` is empty when `target` is). Spearman's ρ pairs `target` with each interval
 * feature, dropped ones included (ρ null). Returns null when the table has fewer than 2 users.
 */
export async function correlationOf(
  engine: Engine,
  users: string,
  features: readonly CorrelationFeature[],
  target: string = CORRELATION_TARGET,
): Promise<CorrelationSection | null> {
  const [ranges] = await engine.all(
    featureRangesSql(engine.dialect, users, features.map(asColumn)),
  );
  if (!ranges || Number(ranges.users ?? 0) < 2) return null;
  const levels = levelSpecs(features, ranges);
  const kept = features.flatMap((f, i) => {
    const spec = levels[i];
    return spec ? [{ name: f.name, spec }] : [];
  });
  const names = kept.map((k) => k.name);
  const spearman = await spearmanEntries(engine, users, features, target);
  const specs = kept.map((k) => k.spec);
  const tables =
    (await keyedTables(engine, users, specs)) ?? (await groupedTables(engine, users, specs));
  return correlationSection(names, tables, spearman, target);
}

type Level = string | number | boolean;

/**
 * Every pair's contingency table from the users' levels packed into one key each
 * (`levelKeysSql`), counted here; null when the keys of so many levels would not stay exact
 * (past 2^53), which `groupedTables` then counts instead.
 */
async function keyedTables(
  engine: Engine,
  users: string,
  specs: readonly LevelSpec[],
): Promise<Map<string, number[][]> | null> {
  const byCode = specs.map(() => new Map<number, Level>());
  for (const [i, spec] of specs.entries()) {
    if (spec.kind !== "categorical") continue;
    const values = levelValuesSql(engine.dialect, users, spec);
    for (const row of await engine.all(values.sql, values.params)) {
      if (row.v !== null && row.v !== undefined) byCode[i]?.set(Number(row.k), row.v);
    }
  }
  // Codes 0 … K of a categorical feature are `other` and its K values; one more is NULL.
  const radices = specs.map((spec, i) =>
    spec.kind === "interval" ? spec.edges.length + 1 : (byCode[i]?.size ?? 0) + 2,
  );
  if (radices.reduce((product, r) => product * r, 1) > 2 ** 53) return null;
  const keys = levelKeysSql(engine.dialect, users, specs, radices);
  const rows = await engine.all(keys.sql, keys.params);
  const levels = specs.map((spec, i) => {
    const missing = (radices[i] ?? 0) - 1;
    if (spec.kind === "interval") return (code: number) => (code === missing ? null : code);
    const named = byCode[i] ?? new Map<number, Level>();
    return (code: number) =>
      code === missing ? null : code === 0 ? OTHER : (named.get(code) ?? null);
  });
  return keyedPairTables(rows, radices, levels);
}

/** Every pair's contingency table counted in the database, a few pairs a statement. */
async function groupedTables(
  engine: Engine,
  users: string,
  specs: readonly LevelSpec[],
): Promise<Map<string, number[][]>> {
  const rows: Row[] = [];
  // The combinations of levels are counted once into a working table (the levels of every
  // user: the costly part); every pair's counts then come from it.
  const combos = levelCombosSql(engine.dialect, users, specs);
  // Named after the users table, so that two runs of a study at once never share it.
  const combosTable = `${users}_combos`;
  await engine.createTable(combosTable, combos.sql, combos.params);
  // DuckDB builds a hash table per grouping set at once: all 55 pairs of the 11 features need
  // more than a memory_limit of 100MB holds, so they are counted a few pairs at a time. Five a
  // time was the fastest measured (a filtered run's contingency tables: 0.53 → 0.33 s on 1M
  // orders, 1.24 → 1.10 s on 10M, against fifteen; one query of all 55 took 0.85 s on 1M).
  const pairs = allPairs(specs.length);
  for (let start = 0; start < pairs.length; start += PAIRS_PER_QUERY) {
    const batch = pairs.slice(start, start + PAIRS_PER_QUERY);
    rows.push(...(await engine.all(pairCountsSql(combosTable, specs.length, batch))));
  }
  await engine.drop(combosTable, "table");
  return pairTables(rows, specs.length);
}

const PAIRS_PER_QUERY = 5;

const asColumn = (f: CorrelationFeature) => ({ column: f.name, kind: f.kind });

/** The correlation section of ANALYSIS.md §8 over the §11.12 features of the study's users. */
export async function correlationStage(ctx: StudyContext): Promise<CorrelationSection | null> {
  return correlationOf(ctx.engine, ctx.users, correlationFeatures(ctx.dimensions, ctx.topN));
}
