import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runAnalysis } from "../src/analysis/run-analysis.js";
import { main } from "../src/cli/main.js";
import { resolveConfig } from "../src/config/load-config.js";
import { writeDemoCsv } from "../src/demo/write-demo.js";
import { EncoreError } from "../src/errors.js";
import { tempDir } from "./helpers.js";

let data: string;
let steps: string[];

const config = (spill: string) =>
  resolveConfig({}, data, {
    orders: join(data, "orders.csv"),
    rates: join(data, "rates.csv"),
    tempDirectory: spill,
  });

beforeAll(async () => {
  data = await tempDir();
  await writeDemoCsv(data, { users: 250, seed: 7 });
  // The stages of a whole run, as it announces them.
  steps = [];
  await runAnalysis(config(await tempDir()), {
    outDir: join(data, "out"),
    onProgress: (step) => steps.push(step),
  });
}, 60_000);

describe("Ctrl-C stops the run as cancelled in every stage", () => {
  it("has stages to cancel", () => {
    expect(steps).toContain("reading orders");
    expect(steps).toContain("predicting who comes back");
    expect(steps.length).toBeGreaterThan(10);
  });

  it("each stage, cancelled as it starts, ends with the cancel and leaves no temporary files", async () => {
    for (const stage of steps) {
      const abort = new AbortController();
      const spill = await tempDir();
      const error = await runAnalysis(config(spill), {
        outDir: join(await tempDir(), "out"),
        onProgress: (step) => {
          if (step === stage) abort.abort("SIGINT");
        },
        signal: abort.signal,
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, stage).toBeInstanceOf(EncoreError);
      expect([(error as EncoreError).message, (error as EncoreError).exitCode], stage).toEqual([
        "the analysis was cancelled",
        130,
      ]);
      expect(await readdir(spill), stage).toEqual([]);
    }
  }, 120_000);
});

describe("SIGTERM is handled as Ctrl-C", () => {
  it("cancels the run with exit 143, removes the temporary directory, leaves no results.json", async () => {
    const spill = await tempDir();
    const out = join(await tempDir(), "out");
    const config = join(await tempDir(), "config.json");
    await writeFile(config, JSON.stringify({ temp_directory: spill }));
    const err: string[] = [];
    const running = main(
      [
        "analyze",
        "--config",
        config,
        "--orders",
        join(data, "orders.csv"),
        "--rates",
        join(data, "rates.csv"),
        "--out",
        out,
      ],
      {
        out: () => {},
        err: (line) => {
          err.push(line);
          // The first progress line is printed as the first step (reading the orders) starts.
          if (err.length === 1) process.emit("SIGTERM");
        },
      },
    );
    expect(await running).toBe(143);
    expect(err.at(-1)).toBe("encore: the analysis was cancelled (SIGTERM)");
    expect(await readdir(spill)).toEqual([]);
    expect(await readdir(out)).not.toContain("results.json");
  }, 60_000);
});
