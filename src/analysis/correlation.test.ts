import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDBEngine } from "../engine/duckdb/engine.js";
import type { Row } from "../engine/engine.js";
import { quoteLiteral } from "../engine/sql.js";
import { type PhikColumn, phikMatrix } from "../stats/phik-matrix.js";
import { spearmanRho } from "../stats/spearman.js";
import { correlationStage } from "./correlation.js";
import type { CorrelationSection } from "./results.js";
import type { StudyContext } from "./study-context.js";

/** A small seeded generator (mulberry32), so the table is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// 20 regions: the 15th place is a three-way tie at 10 users, so "alpha" stays and "mid" and
// "zeta" join `other` with the 5 smallest (top 15, ties by value ascending).
const REGION_COUNTS: [string, number][] = [
  ...[60, 50, 40, 35, 30, 28, 26, 24, 22, 20, 18, 16, 14, 12].map((n, i): [string, number] => [
    `r${String(i).padStart(2, "0")}`,
    n,
  ]),
  ["zeta", 10],
  ["alpha", 10],
  ["mid", 10],
  ...[5, 5, 5].map((n, i): [string, number] => [`s${i}`, n]),
];
const USERS = REGION_COUNTS.reduce((sum, [, n]) => sum + n, 0);
const KEPT_REGIONS = new Set([...REGION_COUNTS.slice(0, 14).map(([r]) => r), "alpha"]);

function userRows(): string[] {
  const next = random(20240611);
  const regions = REGION_COUNTS.flatMap(([r, n]) => Array<string>(n).fill(r));
  const rows: string[] = [];
  for (let id = 0; id < USERS; id++) {
    const orders = next() < 0.55 ? 1 : 2 + Math.floor(next() ** 2 * 11);
    const avgRevenue = Math.exp(6 + next() + orders / 10) / 3;
    const avgTickets = 1 + Math.floor(next() * 11) / 2; // 1, 1.5 … 6: on edges, lo = 1
    const days = orders === 1 ? "NULL" : String(2 * Math.floor(next() * 11)); // 0, 2 … 20: lo = 0
    const pick = Math.floor(next() * regions.length);
    const region = regions.splice(pick, 1)[0] ?? "";
    const device = next() < 0.3 + orders / 30 ? "desktop" : "mobile";
    const event = ["concert", "theatre", "sport", "cinema", "other"][Math.floor(next() * 5)] ?? "";
    const values = [
      id,
      orders,
      avgRevenue,
      avgTickets,
      avgRevenue * orders,
      Math.round(avgTickets * orders),
      days,
      quoteLiteral(device),
      quoteLiteral(event),
      quoteLiteral(region),
      quoteLiteral("tickets"),
      1 + Math.floor(next() * 7),
    ];
    rows.push(`(${values.join(", ")})`);
  }
  return rows;
}

const INTERVALS = [
  "total_orders",
  "avg_revenue_rub",
  "avg_tickets_count",
  "total_revenue_rub",
  "total_tickets",
  "avg_days_since_prev",
];

/** The same features computed in JavaScript from the rows as DuckDB stores them. */
function jsColumns(rows: readonly Row[]): PhikColumn[] {
  const col = (name: string) => rows.map((r) => r[name] as number | string | null);
  return [
    ...INTERVALS.map((name): PhikColumn => ({ name, kind: "interval", values: col(name) })),
    { name: "first_device", kind: "categorical", values: col("first_device") },
    { name: "first_event_type", kind: "categorical", values: col("first_event_type") },
    {
      name: "first_region",
      kind: "categorical",
      values: col("first_region").map((v) => (KEPT_REGIONS.has(String(v)) ? v : "other")),
    },
    { name: "first_service", kind: "categorical", values: col("first_service") },
    { name: "first_order_weekday", kind: "categorical", values: col("first_order_weekday") },
  ];
}

describe("correlationStage (ANALYSIS.md §8, §11.12)", () => {
  let engine: DuckDBEngine;
  let rows: Row[];
  let section: CorrelationSection | null;

  beforeAll(async () => {
    engine = await DuckDBEngine.open({ threads: 1 });
    await engine.run(`CREATE TABLE u (user_id INTEGER, total_orders INTEGER,
      avg_revenue_rub DOUBLE, avg_tickets_count DOUBLE, total_revenue_rub DOUBLE,
      total_tickets BIGINT, avg_days_since_prev DOUBLE, first_device VARCHAR,
      first_event_type VARCHAR, first_region VARCHAR, first_service VARCHAR,
      first_order_weekday INTEGER)`);
    await engine.run(`INSERT INTO u VALUES ${userRows().join(",\n")}`);
    rows = await engine.all("SELECT * FROM u ORDER BY user_id");
    const ctx: StudyContext = {
      engine,
      users: "u",
      orders: "unused",
      userIds: "unused",
      orderGaps: "unused",
      userPeriods: null,
      dimensions: ["first_device", "first_event_type", "first_region", "first_service"],
      minUsers: 1,
      topN: 15,
      dataEnd: "2024-12-31",
    };
    section = await correlationStage(ctx);
  });
  afterAll(() => engine.close());

  it("matches phikMatrix on the same rows: NULLs, values on edges, > 15 levels, a constant", () => {
    const js = phikMatrix(jsColumns(rows));
    expect(js.dropped).toEqual(["first_service"]);
    expect(section?.features).toEqual(js.names);
    const matrix = section?.phik.matrix ?? [];
    expect(matrix).toHaveLength(js.names.length);
    js.matrix.forEach((line, i) => {
      line.forEach((want, j) => {
        const got = matrix[i]?.[j];
        if (want === null) expect(got).toBeNull();
        else expect(Math.abs((got ?? Number.NaN) - want)).toBeLessThanOrEqual(1e-12);
      });
    });
  });

  it("lists every other feature with total_orders by |φK| descending", () => {
    const list = section?.phik.with_total_orders ?? [];
    const row = section?.phik.matrix[0] ?? [];
    expect(list.map((e) => e.feature).sort()).toEqual(section?.features.slice(1).sort());
    for (const e of list) expect(e.phik).toBe(row[section?.features.indexOf(e.feature) ?? -1]);
    const strengths = list.map((e) => Math.abs(e.phik ?? -1));
    expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
  });

  it("gives Spearman's ρ of total_orders as spearmanRho does, pairwise", () => {
    const x = rows.map((r) => Number(r.total_orders));
    const want = INTERVALS.slice(1).map((feature) => {
      const y = rows.map((r) => (r[feature] === null ? Number.NaN : Number(r[feature])));
      const users = y.filter((v) => !Number.isNaN(v)).length;
      return { feature, rho: spearmanRho(x, y), users };
    });
    const got = section?.spearman_with_total_orders ?? [];
    expect(got.map(({ feature, users }) => ({ feature, users }))).toEqual(
      want.map(({ feature, users }) => ({ feature, users })),
    );
    got.forEach((e, k) => {
      expect(Math.abs((e.rho ?? Number.NaN) - (want[k]?.rho ?? 0))).toBeLessThanOrEqual(1e-12);
    });
  });

  it("is null with fewer than 2 users", async () => {
    await engine.run("CREATE TABLE one AS SELECT * FROM u LIMIT 1");
    const ctx = {
      engine,
      users: "one",
      orders: "",
      userIds: "",
      orderGaps: "",
      userPeriods: null,
      dimensions: [],
      minUsers: 1,
      topN: 15,
      dataEnd: "",
    };
    expect(await correlationStage(ctx)).toBeNull();
  });
});
