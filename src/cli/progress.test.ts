import { describe, expect, it } from "vitest";
import { type ProgressClock, progressReporter } from "./progress.js";

/** A clock the test moves by hand, with a timer it fires by hand. */
function fakeClock() {
  let now = 0;
  const timers = new Set<() => void>();
  const clock: ProgressClock = {
    now: () => now,
    every: (_ms, tick) => {
      timers.add(tick);
      return () => timers.delete(tick);
    },
  };
  return {
    clock,
    running: () => timers.size,
    advance(ms: number) {
      now += ms;
      for (const tick of timers) tick();
    },
  };
}

describe("progressReporter", () => {
  it("off a terminal, says when each step starts and how long it took", () => {
    const lines: string[] = [];
    const t = fakeClock();
    const progress = progressReporter(false, { line: (l) => lines.push(l) }, t.clock);
    progress.step("reading orders");
    t.advance(1500);
    progress.step("checking every row");
    t.advance(250);
    progress.done();
    expect(lines).toEqual([
      "  reading orders…",
      "  reading orders: 1.50 s",
      "  checking every row…",
      "  checking every row: 0.25 s",
    ]);
    expect(t.running()).toBe(0);
  });

  it("on a terminal, redraws the running step with its seconds until it ends", () => {
    const out: string[] = [];
    const t = fakeClock();
    const progress = progressReporter(
      false,
      { line: (l) => out.push(`${l}\n`), live: (text) => out.push(text) },
      t.clock,
    );
    progress.step("reading orders");
    t.advance(1000);
    t.advance(1300);
    progress.done();
    expect(out).toEqual([
      "\r\x1b[2K  reading orders… 0 s",
      "\r\x1b[2K  reading orders… 1 s",
      "\r\x1b[2K  reading orders… 2 s",
      "\r\x1b[2K",
      "  reading orders: 2.30 s\n",
    ]);
    expect(t.running()).toBe(0);
  });

  it("on a terminal, writes a warning above the running step and redraws it", () => {
    const out: string[] = [];
    const t = fakeClock();
    const progress = progressReporter(
      false,
      { line: (l) => out.push(`${l}\n`), live: (text) => out.push(text) },
      t.clock,
    );
    progress.step("reading orders");
    progress.note("warning: 3 order rows are not in roubles");
    expect(out).toEqual([
      "\r\x1b[2K  reading orders… 0 s",
      "\r\x1b[2K",
      "warning: 3 order rows are not in roubles\n",
      "\r\x1b[2K  reading orders… 0 s",
    ]);
  });

  it("clears the running step without a time when the run fails", () => {
    const out: string[] = [];
    const t = fakeClock();
    const progress = progressReporter(
      false,
      { line: (l) => out.push(`${l}\n`), live: (text) => out.push(text) },
      t.clock,
    );
    progress.step("reading orders");
    progress.abandon();
    progress.done();
    expect(out).toEqual(["\r\x1b[2K  reading orders… 0 s", "\r\x1b[2K"]);
    expect(t.running()).toBe(0);
  });

  it("prints nothing when quiet", () => {
    const out: string[] = [];
    const t = fakeClock();
    const progress = progressReporter(
      true,
      { line: (l) => out.push(l), live: (text) => out.push(text) },
      t.clock,
    );
    progress.step("reading orders");
    t.advance(5000);
    progress.note("warning: 3 order rows are not in roubles");
    progress.done();
    expect(out).toEqual([]);
    expect(t.running()).toBe(0);
  });
});
