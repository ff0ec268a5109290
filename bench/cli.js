// The whole command in its own process, as a user runs it: node bench/cli.js ARGS… → runs
// `encore ARGS…` (the bundled command bin/encore.js loads) quietly and prints one JSON line
// with its time since the process started (loading the command included), CPU time and peak
// RSS.
import { cpuUsage, resourceUsage } from "node:process";
import { main } from "../dist/cli-bundle/main.js";

// The command's own summary on stdout is not wanted here: only the timing line is.
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = () => true;
const code = await main(process.argv.slice(2));
if (code !== 0) process.exit(code);
const { user, system } = cpuUsage();
write(
  `${JSON.stringify({
    // performance.now() counts from the process's start.
    seconds: performance.now() / 1000,
    cpu: (user + system) / 1e6,
    peak_rss_mb: resourceUsage().maxRSS / 1024,
  })}\n`,
);
