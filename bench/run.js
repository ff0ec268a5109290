// npm run bench [-- SIZES] [-- --repeat=N] [-- --format=parquet|csv]: times the whole analysis
// and each of its steps on demo data of 100k, 1M and 10M orders (Parquet and the same orders as
// CSV, generated once into bench/data/), with peak memory, and the ratio of each time to the
// floor (floor.js): a hand-written DuckDB script over the same file, run in the same invocation.
// With --repeat=N every measurement is taken N times, interleaved, and the median is shown with
// the spread (max − min): on a shared machine one run says little.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { writeDemoParquet } from "../dist/index.js";

const ORDERS_PER_USER = 13.2; // the demo's mean, so users ≈ orders / 13.2
const SIZES = { "100k": 100_000, "1M": 1_000_000, "10M": 10_000_000 };
const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const repeat = Math.max(1, Number(option("repeat") ?? 1));
const formats = [
  ["Parquet", "parquet"],
  ["CSV", "csv"],
].filter(([, ext]) => !option("format") || option("format") === ext);
const sizes = args.filter((a) => !a.startsWith("--"));
const wanted = sizes.length ? sizes : Object.keys(SIZES);
const dir = join("bench", "data");
mkdirSync(dir, { recursive: true });

const node = (script, ...scriptArgs) =>
  JSON.parse(
    execFileSync(process.execPath, [join("bench", script), ...scriptArgs], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** A run's step of that name, if it has one. */
const stepOf = (run, step) => run.stages.find((s) => s.step === step);
/** The median of each number over the runs (and of each step's), with the spread of the time. */
const summary = (runs) => {
  const out = { ...runs[0], runs: runs.length };
  for (const key of ["seconds", "cpu", "peak_rss_mb"]) out[key] = median(runs.map((r) => r[key]));
  out.spread = Math.max(...runs.map((r) => r.seconds)) - Math.min(...runs.map((r) => r.seconds));
  if (runs[0].stages) {
    // By name: the steps that run beside each other on two sessions do not always start in
    // the same order.
    out.stages = runs[0].stages.map(({ step }) => ({
      step,
      seconds: median(runs.map((r) => stepOf(r, step)?.seconds ?? 0)),
      cpu: median(runs.map((r) => stepOf(r, step)?.cpu ?? 0)),
    }));
  }
  return out;
};

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
  if (!existsSync(csv) && formats.some(([, ext]) => ext === "csv")) {
    process.stderr.write(`writing the same orders as CSV into ${csv}\n`);
    const db = await (await DuckDBInstance.create(":memory:")).connect();
    await db.run(`COPY (SELECT * FROM read_parquet('${file}')) TO '${csv}' (HEADER)`);
  }
  for (const [format, ext] of formats) {
    const input = ext === "csv" ? csv : file;
    const out = join(dir, `out-${label}`);
    const taken = { floor: [], study: [], whole: [], command: [] };
    for (let i = 0; i < repeat; i++) {
      process.stderr.write(
        `analysing ${label} ${format}${repeat > 1 ? ` (${i + 1}/${repeat})` : ""}\n`,
      );
      taken.floor.push(node("floor.js", input, rates));
      // The study of ANALYSIS.md §1–§9 alone (no exports), the run with the prediction models
      // (each step timed), and the whole command with every export and the report.
      taken.study.push(node("one.js", input, rates, "--no-predict"));
      taken.whole.push(node("one.js", input, rates));
      taken.command.push(
        node("cli.js", "analyze", "--orders", input, "--rates", rates, "--out", out),
      );
      rmSync(out, { recursive: true, force: true });
    }
    const [floor, study, whole, command] = ["floor", "study", "whole", "command"].map((k) =>
      summary(taken[k]),
    );
    rows.push({ label: `${label} ${format}`, floor, study, whole, command });
  }
}

const pad = (s, n) => String(s).padStart(n);
const secs = (x) => `${x.toFixed(2)} s`;
const line = (name, cells, width) =>
  console.log(`${name.padEnd(36)}${cells.map((c) => pad(c, width)).join("")}`);

// Where the time goes: each step of the study alone, of the run with the prediction and of the
// whole command (its exports and report too), wall clock and CPU time (every thread: a step
// that keeps both cores busy shows twice its wall time).
for (const r of rows) {
  console.log(`\n${r.label}: each step, median of ${r.study.runs}`);
  line("step", ["study", "cpu", "with prediction", "cpu", "analyze --out", "cpu"], 16);
  const runs = [r.study, r.whole, r.command];
  // In the order the whole command takes them.
  const names = [
    ...new Set([r.command, r.whole, r.study].flatMap((x) => x.stages.map((s) => s.step))),
  ];
  for (const name of names) {
    line(
      name,
      runs.flatMap((x) => {
        const s = stepOf(x, name);
        return s ? [secs(s.seconds), secs(s.cpu)] : ["", ""];
      }),
      16,
    );
  }
  line(
    "whole run",
    runs.flatMap((x) => [secs(x.seconds), secs(x.cpu)]),
    16,
  );
}
console.log(
  "\nThe steps from entry points to predicting who comes back run on two sessions side by side:\n" +
    "each one's time runs from its start to the next step's start on either session, so together\n" +
    "they make the wall time of that part, but one of them alone is not its own cost.\n" +
    "analyze --out's whole run includes loading the command (the others start with the study).",
);

console.log(
  `\nmedians of ${repeat} run${repeat > 1 ? "s" : ""}, ± the spread (max − min) of the time`,
);
line(
  "",
  rows.map((r) => r.label),
  16,
);
const timed = (x) =>
  repeat > 1 ? `${x.seconds.toFixed(1)}±${x.spread.toFixed(1)} s` : secs(x.seconds);
const ratio = (r, x) => `${(x.seconds / r.floor.seconds).toFixed(1)}×`;
line(
  "floor (hand-written DuckDB)",
  rows.map((r) => timed(r.floor)),
  16,
);
line(
  "  its CPU time",
  rows.map((r) => secs(r.floor.cpu)),
  16,
);
line(
  "  its peak memory",
  rows.map((r) => `${Math.round(r.floor.peak_rss_mb)} MB`),
  16,
);
line(
  "study alone (--no-predict)",
  rows.map((r) => timed(r.study)),
  16,
);
line(
  "  / floor",
  rows.map((r) => ratio(r, r.study)),
  16,
);
line(
  "  its CPU time",
  rows.map((r) => secs(r.study.cpu)),
  16,
);
line(
  "  its peak memory",
  rows.map((r) => `${Math.round(r.study.peak_rss_mb)} MB`),
  16,
);
line(
  "with prediction",
  rows.map((r) => timed(r.whole)),
  16,
);
line(
  "  / floor",
  rows.map((r) => ratio(r, r.whole)),
  16,
);
line(
  "  its peak memory",
  rows.map((r) => `${Math.round(r.whole.peak_rss_mb)} MB`),
  16,
);
line(
  "analyze --out, everything",
  rows.map((r) => timed(r.command)),
  16,
);
line(
  "  / floor",
  rows.map((r) => ratio(r, r.command)),
  16,
);
line(
  "  its CPU time",
  rows.map((r) => secs(r.command.cpu)),
  16,
);
line(
  "  its peak memory",
  rows.map((r) => `${Math.round(r.command.peak_rss_mb)} MB`),
  16,
);
line(
  "rows read",
  rows.map((r) => r.study.rows_read),
  16,
);
line(
  "users after the filter",
  rows.map((r) => r.study.users),
  16,
);

// What every command pays before it starts: Node and the code `encore` loads up front (the
// engine, the database clients and the report's renderer load only when a command needs them).
const startups = Array.from({ length: 5 }, () => {
  const t = performance.now();
  execFileSync(process.execPath, [join("bin", "encore.js"), "--version"], { stdio: "ignore" });
  return (performance.now() - t) / 1000;
});
console.log(`\nstart-up (encore --version), median of 5: ${secs(median(startups))}`);
