// The whole command in its own process, as a user runs it: node bench/cli.js ARGS… → runs
// `encore ARGS…` (the bundled command bin/encore.js loads) and prints one JSON line with its
// time since the process started (loading the command included), CPU time, peak RSS and each
// step the command reported on stderr, with its time and the CPU time spent in it.
import { cpuUsage, resourceUsage } from "node:process";
import { main } from "../dist/cli-bundle/main.js";

const cpuSeconds = () => {
  const { user, system } = cpuUsage();
  return (user + system) / 1e6;
};
// The command's progress: "  step…" as a step starts, "  step: 1.23 s" as it ends. Its summary
// on stdout is not wanted here, nor its notes on stderr unless it fails (then its error too).
const stages = [];
const other = [];
let running = null;
const io = {
  out: () => {},
  err: (line) => {
    const start = /^ {2}(.+)…$/.exec(line);
    if (start) {
      running = { step: start[1], cpu: cpuSeconds() };
      return;
    }
    const end = /^ {2}(.+): (\d+\.\d+) s$/.exec(line);
    if (end && running?.step === end[1]) {
      stages.push({ step: end[1], seconds: Number(end[2]), cpu: cpuSeconds() - running.cpu });
      running = null;
      return;
    }
    other.push(line);
  },
};
const code = await main(process.argv.slice(2), io);
if (code !== 0) {
  process.stderr.write(other.map((line) => `${line}\n`).join(""));
  process.exit(code);
}
process.stdout.write(
  `${JSON.stringify({
    // performance.now() counts from the process's start.
    seconds: performance.now() / 1000,
    cpu: cpuSeconds(),
    peak_rss_mb: resourceUsage().maxRSS / 1024,
    stages,
  })}\n`,
);
