/** Where progress goes: whole lines, and on a terminal a line that is redrawn in place. */
export interface ProgressOutput {
  /** Writes one line. */
  readonly line: (text: string) => void;
  /** Writes raw text to a terminal (carriage returns, no newline); absent when not a terminal. */
  readonly live?: ((text: string) => void) | undefined;
}

/** The clock and the timer, so that a test can drive the ticking. */
export interface ProgressClock {
  readonly now: () => number;
  /** Calls `tick` every `ms` until the returned function is called. */
  readonly every: (ms: number, tick: () => void) => () => void;
}

const systemClock: ProgressClock = {
  now: () => performance.now(),
  every: (ms, tick) => {
    const timer = setInterval(tick, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};

/** Erases the terminal's current line. */
const CLEAR_LINE = "\r\x1b[2K";

/**
 * Progress on stderr. Each step says when it starts ("  reading orders…") and, when it ends,
 * how long it took ("  reading orders: 1.20 s"). On a terminal the start line stays redrawn
 * in place with the seconds elapsed, every second, until it is replaced by the time taken.
 */
export function progressReporter(
  quiet: boolean,
  output: ProgressOutput,
  clock: ProgressClock = systemClock,
) {
  let current: { step: string; start: number; stopTicking: () => void } | null = null;
  const elapsed = (start: number) => (clock.now() - start) / 1000;
  const draw = () => {
    if (current && output.live) {
      output.live(`${CLEAR_LINE}  ${current.step}… ${Math.floor(elapsed(current.start))} s`);
    }
  };
  const finish = (report: boolean) => {
    if (!current) return;
    current.stopTicking();
    const { step, start } = current;
    current = null;
    if (output.live) output.live(CLEAR_LINE);
    if (report) output.line(`  ${step}: ${elapsed(start).toFixed(2)} s`);
  };
  return {
    /** Ends the running step, if any, and starts the next. */
    step(step: string) {
      if (quiet) return;
      finish(true);
      const start = clock.now();
      if (output.live) {
        current = { step, start, stopTicking: clock.every(1000, draw) };
        draw();
      } else {
        current = { step, start, stopTicking: () => {} };
        output.line(`  ${step}…`);
      }
    },
    /** A line between the steps (a warning): the running step is redrawn below it. */
    note(text: string) {
      if (quiet) return;
      if (output.live && current) output.live(CLEAR_LINE);
      output.line(text);
      draw();
    },
    /** Ends the running step with the time it took. */
    done() {
      finish(true);
    },
    /** Ends the running step without a time (the run failed): the error follows. */
    abandon() {
      finish(false);
    },
  };
}
