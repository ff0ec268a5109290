// npm run bench [-- SIZES]: times the whole analysis and each stage on demo data of
// 100k, 1M and 10M orders (Parquet and the same orders as CSV, generated once into
// bench/data/), with peak memory, and the ratio of each time to the floor (floor.js): a
// hand-written DuckDB script over the same file, run in the same invocation.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { writeDemoParquet } from "../dist/index.js";

const ORDERS_PER_USER = 13.2; // the demo's mean, so users ≈ orders / 13.2
const SIZES = { "100k": 100_000, "1M": 1_000_000, "10M": 10_000_000 };
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(SIZES);
const dir = join("bench", "data");
mkdirSync(dir, { recursive: true });

const rows = [];
for (const label of wanted) {
  const orders = SIZES[label];
  if (!orders) throw new Error(`unknown size ${label}: use ${Object.keys(SIZES).join(", ")}`);
  const file = join(dir, `orders-${label}.parquet`);
  const rates = join(dir, `rates-${label}.csv`);
  if (!existsSync(file) || !existsSync(rates)) {
    process.stderr.write(`generating ${label} orders into ${file}\n`);
    const t = performance.now();
    await writeDemoParquet(file, { users: Math.round(orders / ORDERS_PER_USER), ratesFile: rates });
    process.stderr.write(`  generated in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  }
  const csv = join(dir, `orders-${label}.csv`);
  if (!existsSync(csv)) {
    process.stderr.write(`writing the same orders as CSV into ${csv}\n`);
    const db = await (await DuckDBInstance.create(":memory:")).connect();
    await db.run(`COPY (SELECT * FROM read_parquet('${file}')) TO '${csv}' (HEADER)`);
  }
  const node = (script, ...args) =>
    JSON.parse(
      execFileSync(process.execPath, [join("bench", script), ...args], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      }),
    );
  for (const [format, orders] of [
    ["Parquet", file],
    ["CSV", csv],
  ]) {
    process.stderr.write(`analysing ${label} ${format}\n`);
    const floor = node("floor.js", orders, rates);
    // The study of ANALYSIS.md §1–§9 alone (no exports), the run with the prediction models
    // (each stage timed), and the whole command with every export and the report.
    const study = node("one.js", orders, rates, "--no-predict");
    const whole = node("one.js", orders, rates);
    const out = join(dir, `out-${label}`);
    const command = node(
      "cli.js",
      "analyze",
      "--orders",
      orders,
      "--rates",
      rates,
      "--out",
      out,
      "-q",
    );
    rmSync(out, { recursive: true, force: true });
    rows.push({ label: `${label} ${format}`, ...whole, study, floor, command });
  }
}

const stageNames = [...new Set(rows.flatMap((r) => r.stages.map((s) => s.step)))];
const pad = (s, n) => String(s).padStart(n);
console.log(`\n${"stage".padEnd(36)}${rows.map((r) => pad(r.label, 12)).join("")}`);
for (const name of stageNames) {
  const cells = rows.map((r) => {
    const s = r.stages.find((x) => x.step === name);
    return pad(s ? `${s.seconds.toFixed(2)} s` : "", 12);
  });
  console.log(`${name.padEnd(36)}${cells.join("")}`);
}
console.log(
  `${"whole run".padEnd(36)}${rows.map((r) => pad(`${r.seconds.toFixed(2)} s`, 12)).join("")}`,
);
console.log(
  `${"peak memory (RSS)".padEnd(36)}${rows.map((r) => pad(`${Math.round(r.peak_rss_mb)} MB`, 12)).join("")}`,
);
console.log(
  `${"study alone (--no-predict)".padEnd(36)}${rows.map((r) => pad(`${r.study.seconds.toFixed(2)} s`, 12)).join("")}`,
);
console.log(
  `${"  its peak memory".padEnd(36)}${rows.map((r) => pad(`${Math.round(r.study.peak_rss_mb)} MB`, 12)).join("")}`,
);
const ratio = (r, x) => `${x.seconds.toFixed(1)} s ${(x.seconds / r.floor.seconds).toFixed(1)}×`;
console.log(
  `${"floor (hand-written DuckDB)".padEnd(36)}${rows.map((r) => pad(`${r.floor.seconds.toFixed(2)} s`, 12)).join("")}`,
);
console.log(
  `${"  study alone / floor".padEnd(36)}${rows.map((r) => pad(ratio(r, r.study), 12)).join("")}`,
);
console.log(
  `${"  analyze --out, everything / floor".padEnd(36)}${rows.map((r) => pad(ratio(r, r.command), 12)).join("")}`,
);
console.log(
  `${"  its peak memory".padEnd(36)}${rows.map((r) => pad(`${Math.round(r.command.peak_rss_mb)} MB`, 12)).join("")}`,
);
console.log(`${"rows read".padEnd(36)}${rows.map((r) => pad(r.rows_read, 12)).join("")}`);
console.log(`${"users after the filter".padEnd(36)}${rows.map((r) => pad(r.users, 12)).join("")}`);
