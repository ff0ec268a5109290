import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnalysisResults } from "../src/analysis/results.js";
import { openEngine, runAnalysis } from "../src/analysis/run-analysis.js";
import { openStudy, type Study, type StudyFilter } from "../src/analysis/study.js";
import type { AnalysisConfig } from "../src/config/config.js";
import { resolveConfig } from "../src/config/load-config.js";
import { writeDemoCsv } from "../src/demo/write-demo.js";
import { serveApp } from "../src/serve/serve-app.js";
import { csv, parseCsv, tempDir } from "./helpers.js";

/** Every leaf of a JSON value by its path, for a comparison that names what differs. */
function leaves(value: unknown, path = "", out: Record<string, unknown> = {}) {
  if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  } else out[path] = value;
  return out;
}

const same = (x: unknown, y: unknown): boolean =>
  typeof x === "number" && typeof y === "number"
    ? x === y || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y))
    : x === y;

const withFilter = (config: AnalysisConfig, f: StudyFilter): AnalysisConfig => ({
  ...config,
  cohorts: { ...config.cohorts, from: f.from, to: f.to },
  where: f.where,
  segment: f.segment,
});

async function open(config: AnalysisConfig): Promise<Study> {
  return openStudy(await openEngine(config), config, { keepRejects: false, forFilters: true });
}

describe("encore serve's request handler, on the 2,000-user demo", () => {
  let config: AnalysisConfig;
  let study: Study;
  let app: ReturnType<typeof serveApp>;
  beforeAll(async () => {
    const dir = await tempDir();
    await writeDemoCsv(join(dir, "data"), { users: 2000 });
    config = resolveConfig({}, dir, {
      orders: join(dir, "data", "orders.csv"),
      rates: join(dir, "data", "rates.csv"),
    });
    study = await open(config);
    app = serveApp(study);
  }, 120_000);
  afterAll(() => study?.close());

  it("offers each first-order dimension's values with their users, and the date range", async () => {
    const response = await app.request("/api/options");
    expect(response.status).toBe(200);
    const options = await response.json();
    expect(options.users).toBe(2000);
    expect(options.first_order).toEqual({ from: "2024-06-01", to: "2024-10-31" });
    expect(options.segments).toEqual(["1", "2-4", "5+"]);
    expect(Object.keys(options.dimensions).sort()).toEqual([
      "city_name",
      "device_type_canonical",
      "event_type_main",
      "region_name",
      "service_name",
    ]);
    for (const values of Object.values(options.dimensions) as { users: number }[][]) {
      expect(values.reduce((s, v) => s + v.users, 0)).toBe(2000);
    }
    expect(options.labels.city_name).toEqual({ first: "first_city", en: "city", ru: "город" });
  });

  it("answers a filter with the figures of analyze restricted the same way, leaf by leaf", async () => {
    const filter: StudyFilter = {
      from: "2024-07-01",
      to: "2024-09-30",
      where: { event_type_main: ["concerts", "theatre"], device_type_canonical: ["mobile"] },
      segment: null,
    };
    const response = await app.request(
      "/api/results?from=2024-07-01&to=2024-09-30&event_type_main=theatre&event_type_main=concerts&device_type_canonical=mobile",
    );
    expect(response.status).toBe(200);
    const served = (await response.json()) as AnalysisResults;
    const analysed = await runAnalysis(withFilter(config, filter));
    const [a, b] = [leaves(served), leaves(analysed)];
    delete a["run.date"];
    delete b["run.date"];
    expect(Object.keys(a).length).toBeGreaterThan(500);
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    // DuckDB sums doubles in parallel, in whatever order its threads finish: the last bits of
    // a sum may differ between two runs of the same query, and nothing else may.
    const differ = Object.keys(a).filter((k) => !same(a[k], b[k]));
    expect(differ.map((k) => [k, a[k], b[k]])).toEqual([]);
    expect(served.population.where).toEqual({
      event_type_main: ["concerts", "theatre"],
      device_type_canonical: ["mobile"],
    });
    expect(served.overall.users).toBeLessThan(1000);
  }, 180_000);

  it("refuses a bad date, dimension, segment or language with a JSON message and 400", async () => {
    const cases: [string, string][] = [
      ["from=2024-02-30", "invalid from: must be a real date written YYYY-MM-DD"],
      ["to=yesterday", "invalid to: must be a real date written YYYY-MM-DD"],
      ["from=2024-09-01&to=2024-08-01", "from (2024-09-01) is after to (2024-08-01)"],
      ["first_city=Kazan", "unknown parameter first_city"],
      ["segment=6%2B", "invalid segment: use one of 1, 2-4, 5+"],
      ["lang=de", "invalid lang: use one of en, ru"],
      ["segment=1&segment=5%2B", "segment is given more than once"],
      [`city_name=${"x".repeat(501)}`, "invalid city_name: is too long"],
    ];
    for (const [query, message] of cases) {
      const response = await app.request(`/api/results?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      const body = await response.json();
      expect(body.error, query).toContain(message);
      expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
    }
    const list = await app.request("/api/lists/everyone.csv");
    expect(list.status).toBe(400);
    expect((await list.json()).error).toMatch(/^unknown list: everyone; the lists are nudge_now/);
    const missing = await app.request("/api/nothing");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "not found: GET /api/nothing" });
  });

  it("binds hostile values instead of writing them into SQL: they match nobody", async () => {
    const hostile = ["' OR '1'='1", "x'); DROP TABLE enc_users; --", '"><script>alert(1)</script>'];
    const query = hostile.map((v) => `city_name=${encodeURIComponent(v)}`).join("&");
    const response = await app.request(`/api/results?${query}`);
    expect(response.status).toBe(200);
    const results = (await response.json()) as AnalysisResults;
    expect(results.overall.users).toBe(0);
    expect(results.population.where.city_name).toEqual([...hostile].sort());
    // The study's tables are still there.
    expect((await app.request("/api/results")).status).toBe(200);
  }, 60_000);

  it("takes no change but from the page itself: 403 for a POST from elsewhere", async () => {
    const post = (headers: Record<string, string>) =>
      app.request("/api/cancel", { method: "POST", headers });
    expect((await post({})).status).toBe(403);
    expect((await post({ Origin: "http://evil.example" })).status).toBe(403);
    expect((await post({ "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
    expect(await (await post({ "Sec-Fetch-Site": "cross-site" })).json()).toEqual({
      error: "only the page itself may change anything here",
    });
    expect((await post({ Origin: "http://localhost" })).status).toBe(200);
    expect((await post({ "Sec-Fetch-Site": "same-origin" })).status).toBe(200);
    const put = await app.request("/api/results", { method: "PUT" });
    expect(put.status).toBe(403);
  });

  it("answers only for its own host names when told them (no DNS rebinding)", async () => {
    const guarded = serveApp(study, { hosts: ["127.0.0.1:8080"] });
    expect((await guarded.request("http://127.0.0.1:8080/page.css")).status).toBe(200);
    const rebound = await guarded.request("http://attacker.example:8080/api/options");
    expect(rebound.status).toBe(403);
  });

  it("keeps every customer's run however many filters push others out of the cache", async () => {
    const small = serveApp(study, { cacheSize: 1 });
    expect((await small.request("/api/results")).status).toBe(200);
    for (const segment of ["1", "2-4", "5+"]) {
      expect(
        (await small.request(`/api/results?segment=${encodeURIComponent(segment)}`)).status,
      ).toBe(200);
    }
    expect(small.runs.started).toBe(4);
    expect((await small.request("/api/results")).status).toBe(200);
    expect(small.runs.started).toBe(4);
    // The cache of one filter does forget the others.
    expect((await small.request("/api/results?segment=1")).status).toBe(200);
    expect(small.runs.started).toBe(5);
  }, 120_000);

  it("serves an identical filter from the cache, whatever the order of its values", async () => {
    const before = app.runs.started;
    const a = await app.request("/api/results?region_name=Kamenevsky%20Region&segment=2-4");
    const b = await app.request("/api/results?segment=2-4&region_name=Kamenevsky%20Region");
    const c = await app.request("/api/report?segment=2-4&region_name=Kamenevsky%20Region&lang=ru");
    expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
    expect(await a.text()).toBe(await b.text());
    expect(app.runs.started).toBe(before + 1);
  }, 60_000);

  it("stops the run a new filter supersedes: the old request gets 409", async () => {
    const first = app.request("/api/results?segment=1&from=2024-06-02");
    const second = app.request("/api/results?segment=5%2B&from=2024-06-02");
    const [old, current] = await Promise.all([first, second]);
    expect(old.status).toBe(409);
    expect(await old.json()).toEqual({ error: "stopped: a newer request took its place" });
    expect(current.status).toBe(200);
    // Not cached as failed: asked again, it runs.
    expect((await app.request("/api/results?segment=1&from=2024-06-02")).status).toBe(200);
  }, 60_000);

  it("renders the report's sections for a filter, stating its population", async () => {
    const response = await app.request("/api/report?event_type_main=theatre&lang=ru");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<section id="entry-points">');
    expect(html).toContain("<svg");
    expect(html).toContain("Эти цифры — только о покупателях, у которых тип мероприятия");
    expect(html).not.toContain("<script");
  }, 60_000);
});

describe("lists and groups for a filter, by hand", () => {
  // data_end 09-10, nudge window [5, 20] days since the one order; the filter keeps Kazan:
  //   a Kazan 09-01 (9 days) in · b Kazan 08-01 (40 days) out · c Kazan 09-08 (2 days) out
  //   d Kazan 08-25 (16 days) in · e Kazan two orders out · f Moscow 09-03 (7 days): not Kazan
  //   g <script>, 08-20 (21 days) out of the window and of the filter
  const orders = csv(
    "user_id,order_id,order_dt,revenue,city_name",
    "a,1,2024-09-01,100,Kazan",
    "b,2,2024-08-01,100,Kazan",
    "c,3,2024-09-08,100,Kazan",
    "d,4,2024-08-25,300,Kazan",
    "e,5,2024-08-30,100,Kazan",
    "e,6,2024-09-02,100,Kazan",
    "f,7,2024-09-03,500,Moscow",
    `g,8,2024-08-20,50,"<script>alert(""x"")</script>"`,
  );
  let study: Study;
  let app: ReturnType<typeof serveApp>;
  beforeAll(async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "orders.csv"), orders);
    const config = resolveConfig({ lists: { nudge_window: [5, 20] } }, dir, {
      orders: join(dir, "orders.csv"),
      filterQuantile: "none",
      dataEnd: "2024-09-10",
      predict: false,
      minUsers: 1,
    });
    study = await open(config);
    app = serveApp(study);
  }, 60_000);
  afterAll(() => study?.close());

  const rows = async (url: string) => {
    const response = await app.request(url);
    expect(response.status, url).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="/);
    return parseCsv(await response.text());
  };

  it("a list holds the filter's users its rule selects", async () => {
    const kazan = await rows("/api/lists/nudge_now.csv?city_name=Kazan");
    expect(kazan.map((r) => [r.user_id, r.days_since_last_order])).toEqual([
      ["d", "16"],
      ["a", "9"],
    ]);
    const everyone = await rows("/api/lists/nudge_now.csv");
    expect(everyone.map((r) => r.user_id)).toEqual(["f", "d", "a"]);
    // Without the models there is no P(alive): that list cannot be made.
    const champions = await app.request("/api/lists/champions.csv");
    expect(champions.status).toBe(404);
    expect((await champions.json()).error).toMatch(/^the list champions cannot be made/);
  });

  it("these N customers: the users of one value or one cohort, for the filter", async () => {
    const kazan = await rows("/api/customers.csv?group_dimension=city_name&group_value=Kazan");
    expect(kazan.map((r) => [r.user_id, r.total_orders, r.total_revenue_rub])).toEqual([
      ["d", "1", "300.0"],
      ["e", "2", "200.0"],
      ["a", "1", "100.0"],
      ["b", "1", "100.0"],
      ["c", "1", "100.0"],
    ]);
    const august = await rows("/api/customers.csv?group_cohort=2024-08-01&segment=1");
    expect(august.map((r) => r.user_id)).toEqual(["d", "b", "g"]);
    const hostile = await rows(
      `/api/customers.csv?group_dimension=city_name&group_value=${encodeURIComponent('<script>alert("x")</script>')}`,
    );
    expect(hostile.map((r) => r.user_id)).toEqual(["g"]);
    const bad = await app.request("/api/customers.csv?group_cohort=2024-13-01");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(
      /^give group_dimension and group_value, or group_cohort/,
    );
  });

  it("escapes a hostile value from the data in the report's sections", async () => {
    const html = await (await app.request("/api/report")).text();
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    const options = await (await app.request("/api/options")).json();
    expect(options.dimensions.city_name.map((v: { value: string }) => v.value)).toContain(
      '<script>alert("x")</script>',
    );
  });
});
