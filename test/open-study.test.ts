import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnalysisResults } from "../src/analysis/results.js";
import { openEngine, runAnalysis } from "../src/analysis/run-analysis.js";
import { openStudy, type Study, type StudyFilter } from "../src/analysis/study.js";
import type { AnalysisConfig } from "../src/config/config.js";
import { resolveConfig } from "../src/config/load-config.js";
import { writeDemoCsv } from "../src/demo/write-demo.js";
import type { Engine } from "../src/engine/engine.js";
import { differences } from "./differences.js";
import { csv, parseCsv, tempDir } from "./helpers.js";

/** Results without the run's date, which two runs need not share. */
const leaves = (r: AnalysisResults) => ({ ...r, run: { ...r.run, date: "" } });

describe("a study opened once and asked many questions", () => {
  let dir: string;
  let config: AnalysisConfig;
  let engine: Engine;
  let study: Study;
  /** Regions of the demo with the most first orders: a filter that keeps a real share. */
  let regions: string[];

  const workingTables = async () =>
    (
      await engine.all(
        "SELECT table_name FROM information_schema.tables WHERE regexp_matches(table_name, '^enc_r[0-9]+_') ORDER BY 1",
      )
    ).map((r) => String(r.table_name));

  beforeAll(async () => {
    dir = await tempDir();
    await writeDemoCsv(join(dir, "data"), { users: 2000 });
    config = resolveConfig({}, dir, {
      orders: join(dir, "data", "orders.csv"),
      rates: join(dir, "data", "rates.csv"),
    });
    engine = await openEngine(config);
    study = await openStudy(engine, config);
    regions = (
      await engine.all(
        "SELECT first_region FROM enc_users GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2",
      )
    ).map((r) => String(r.first_region));
  }, 120_000);
  afterAll(async () => {
    await study?.close();
  });

  /** A fresh analyze of the config restricted by the filter: read, checked, aggregated anew. */
  const fresh = (filter: Partial<StudyFilter>) =>
    runAnalysis(
      resolveConfig({}, dir, {
        orders: join(dir, "data", "orders.csv"),
        rates: join(dir, "data", "rates.csv"),
        ...(filter.from ? { cohortFrom: filter.from } : {}),
        ...(filter.to ? { cohortTo: filter.to } : {}),
        ...(filter.where ? { where: filter.where as Record<string, string[]> } : {}),
        ...(filter.segment ? { segment: filter.segment } : {}),
      }),
    );

  const filterOf = (f: Partial<StudyFilter>): StudyFilter => ({
    from: null,
    to: null,
    where: {},
    segment: null,
    ...f,
  });

  it("answers a run for every user as analyze does", async () => {
    const [a, b] = [await study.run(), await fresh({})];
    expect(differences(leaves(a), leaves(b))).toEqual([]);
  }, 60_000);

  it("answers a filtered run as a fresh analyze of the same filter", async () => {
    const filter = {
      from: "2024-07-01",
      to: "2024-09-30",
      where: { region_name: regions },
    } as const;
    const ran = await study.run({ filter: filterOf(filter) });
    const analyzed = await fresh(filter);
    expect(differences(leaves(ran), leaves(analyzed))).toEqual([]);
    // The filter did something: fewer users, all of them first bought in those regions.
    const everyone = await study.run();
    expect(ran.overall.users).toBeGreaterThan(0);
    expect(ran.overall.users).toBeLessThan(everyone.overall.users / 2);
    expect(ran.entry_points.dimensions.first_region?.values.map((v) => v.value).sort()).toEqual(
      [...regions].sort(),
    );
    expect(ran.population).toEqual({
      first_order_from: "2024-07-01",
      first_order_to: "2024-09-30",
      where: { region_name: regions },
      segment: null,
    });
    // The intervals between orders are the population's, not everyone's.
    expect(ran.time_between_purchases.days_since_prev.orders).toBeLessThan(
      everyone.time_between_purchases.days_since_prev.orders,
    );
  }, 120_000);

  it("keeps one segment: every user of 5+ has bought twice", async () => {
    const ran = await study.run({ filter: filterOf({ segment: "5+" }) });
    expect(ran.overall.users).toBeGreaterThan(0);
    expect(ran.overall.share_2plus).toBe(1);
    expect(ran.overall.share_5plus).toBe(1);
    expect(ran.repeat.segments["1"].users).toBe(0);
  }, 60_000);

  it("runs two filters at once without sharing a working table, and leaves none behind", async () => {
    const a = filterOf({ where: { region_name: [regions[0] ?? ""] } });
    const b = filterOf({ where: { region_name: [regions[1] ?? ""] } });
    const [first, second] = await Promise.all([study.run({ filter: a }), study.run({ filter: b })]);
    expect(differences(leaves(first), leaves(await study.run({ filter: a })))).toEqual([]);
    expect(differences(leaves(second), leaves(await study.run({ filter: b })))).toEqual([]);
    expect(first.overall.users).not.toBe(second.overall.users);
    expect(await workingTables()).toEqual([]);
  }, 120_000);

  it("cancels one run and answers the next", async () => {
    const controller = new AbortController();
    const cancelled = study.run({
      filter: filterOf({ segment: "2-4" }),
      signal: controller.signal,
      onProgress: (step) => {
        if (step === "revenue") controller.abort("SIGINT");
      },
    });
    await expect(cancelled).rejects.toThrow(/cancelled/);
    const next = await study.run({ filter: filterOf({ segment: "2-4" }) });
    expect(next.overall.users).toBeGreaterThan(0);
    expect(await workingTables()).toEqual([]);
  }, 60_000);

  it("refuses a filter on an attribute the orders lack, in one line", async () => {
    const noCity = await tempDir();
    await writeFile(
      join(noCity, "orders.csv"),
      csv("user_id,order_id,order_ts,revenue", "a,1,2024-06-01,100", "a,2,2024-06-03,200"),
    );
    const small = resolveConfig({}, noCity, {
      orders: join(noCity, "orders.csv"),
      where: { city_name: ["Москва"] },
    });
    await expect(runAnalysis(small)).rejects.toThrow(/city_name: the orders have no such column/);
  }, 60_000);

  it("writes a list for a filter with the users its rule selects", async () => {
    const filter = filterOf({ where: { region_name: regions } });
    const file = join(dir, "nudge.csv");
    const size = await study.writeList("nudge_now", file, { filter });
    const rows = parseCsv(await readFile(file, "utf8"));
    expect(size?.users).toBe(rows.length);
    const ran = await study.run({ filter });
    expect(ran.lists.nudge_now?.users).toBe(rows.length);
    expect(rows.length).toBeGreaterThan(0);
    const firstRegions = await engine.all(
      `SELECT DISTINCT first_region FROM enc_users WHERE user_id IN (${rows.map((_, i) => `$${i + 1}`).join(", ")})`,
      rows.map((r) => r.user_id ?? ""),
    );
    expect(new Set(firstRegions.map((r) => r.first_region))).toEqual(new Set(regions));
  }, 60_000);
});
