// npm run bench [-- SIZES]: times the whole analysis and each stage on demo data of
// 100k, 1M and 10M orders (Parquet, generated once into bench/data/), with peak memory.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
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
  const run = (...flags) =>
    JSON.parse(
      execFileSync(process.execPath, [join("bench", "one.js"), file, rates, ...flags], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      }),
    );
  process.stderr.write(`analysing ${label}\n`);
  // The study of ANALYSIS.md §1–§9 alone, then the whole run with the prediction models.
  const study = run("--no-predict");
  rows.push({ label, ...run(), study });
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
console.log(`${"rows read".padEnd(36)}${rows.map((r) => pad(r.rows_read, 12)).join("")}`);
console.log(`${"users after the filter".padEnd(36)}${rows.map((r) => pad(r.users, 12)).join("")}`);
