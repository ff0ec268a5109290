// One benchmark run in its own process, so that its peak memory is its own:
// node bench/one.js ORDERS_FILE RATES_FILE [--no-predict] → one JSON line with the time, the
// CPU time (every thread of the process: on a shared machine it varies less than the wall
// clock), peak RSS and each progress step with its duration.
import { cpuUsage, resourceUsage } from "node:process";
import { resolveConfig, runAnalysis } from "../dist/index.js";

const [orders, rates, flag] = process.argv.slice(2);
const stages = [];
let last = null;
const cpuSeconds = () => {
  const { user, system } = cpuUsage();
  return (user + system) / 1e6;
};
const mark = (step) => {
  const now = performance.now();
  const cpu = cpuSeconds();
  if (last) {
    stages.push({ step: last.step, seconds: (now - last.start) / 1000, cpu: cpu - last.cpu });
  }
  last = step ? { step, start: now, cpu } : null;
};
const start = performance.now();
const startCpu = cpuSeconds();
const config = resolveConfig({}, process.cwd(), {
  orders,
  rates,
  ...(flag === "--no-predict" ? { predict: false } : {}),
});
const results = await runAnalysis(config, { onProgress: mark });
mark(null);
process.stdout.write(
  `${JSON.stringify({
    seconds: (performance.now() - start) / 1000,
    cpu: cpuSeconds() - startCpu,
    peak_rss_mb: resourceUsage().maxRSS / 1024,
    rows_read: results.ledger.rows_read,
    users: results.overall.users,
    stages,
  })}\n`,
);
