// One benchmark run in its own process, so that its peak memory is its own:
// node bench/one.js ORDERS_FILE RATES_FILE [--no-predict] → one JSON line with the stage times
// and peak RSS.
import { resourceUsage } from "node:process";
import { resolveConfig, runAnalysis } from "../dist/index.js";

const [orders, rates, flag] = process.argv.slice(2);
const stages = [];
let last = null;
const mark = (step) => {
  const now = performance.now();
  if (last) stages.push({ step: last.step, seconds: (now - last.start) / 1000 });
  last = step ? { step, start: now } : null;
};
const start = performance.now();
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
    peak_rss_mb: resourceUsage().maxRSS / 1024,
    rows_read: results.ledger.rows_read,
    users: results.overall.users,
    stages,
  })}\n`,
);
