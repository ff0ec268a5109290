/** Progress lines on stderr, each step with the time the previous one took. */
export function progressReporter(quiet: boolean, write: (line: string) => void) {
  let last: { step: string; start: number } | null = null;
  const flush = () => {
    if (last) write(`  ${last.step}: ${((performance.now() - last.start) / 1000).toFixed(2)} s`);
  };
  return {
    step(step: string) {
      if (quiet) return;
      flush();
      last = { step, start: performance.now() };
    },
    done() {
      if (!quiet) flush();
      last = null;
    },
  };
}
