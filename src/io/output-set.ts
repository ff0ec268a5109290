import { mkdirSync } from "node:fs";
import { open, readFile, realpath, rename, rm, rmdir, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { outputError, usageError } from "../errors.js";
import { makeOutputDir, outputFailure } from "./output-file.js";

/**
 * Every file an analysis may write into its output directory. A run removes those of a
 * previous run that it does not write itself, so the directory never holds a mixed set: add
 * a new output here.
 */
export const OUTPUT_FILES = [
  "results.json",
  "report.html",
  "agg_users.csv",
  "agg_users.parquet",
  "rejects.csv",
  "rejects.parquet",
  "predictions.csv",
  "predictions.parquet",
  "lists/nudge_now.csv",
  "lists/one_order_likely_active.csv",
  "lists/at_risk_valuable.csv",
  "lists/champions.csv",
] as const;

export type OutputFile = (typeof OUTPUT_FILES)[number];

const LOCK = ".encore.lock";
/** The temporary name of an output, beside it: `lists/.champions.csv.partial`. */
const partial = (name: string) => join(dirname(name), `.${basename(name)}.partial`);

/** A file the run reads, named in messages as "the orders file" and so on. */
export interface InputFile {
  readonly path: string;
  readonly what: string;
}

/**
 * The outputs of one run, all or nothing: each is written under a temporary name in the output
 * directory and renamed into place only when the whole run has succeeded, so a failed run (a
 * full disk, an error, Ctrl-C) leaves the previous run's outputs as they were. A lock file
 * keeps a second run out of the directory while one is writing.
 */
export class OutputSet {
  private readonly written = new Set<string>();
  private closed = false;

  private constructor(readonly dir: string) {}

  /**
   * Takes the directory (creating it) for one run: refuses one where another run is writing,
   * and any output that would replace one of the inputs.
   */
  static async open(dir: string, inputs: readonly InputFile[] = []): Promise<OutputSet> {
    await makeOutputDir(dir);
    await refuseInputsAsOutputs(dir, inputs);
    await takeLock(dir);
    const set = new OutputSet(dir);
    // Left by a run that was killed: never renamed into place, never to be.
    await Promise.all(OUTPUT_FILES.map((name) => rm(join(dir, partial(name)), { force: true })));
    return set;
  }

  /** Where to write `name` during the run; it becomes `dir/name` at commit. */
  file(name: OutputFile): string {
    this.written.add(name);
    const path = join(this.dir, partial(name));
    // An output in a folder of its own (lists/…) needs the folder.
    mkdirSync(dirname(path), { recursive: true });
    return path;
  }

  /**
   * Puts the run's outputs in place and removes those of an earlier run that this one did not
   * write. Every target is checked first, so a target that cannot be replaced fails the run
   * before any file has moved.
   */
  async commit(): Promise<void> {
    if (this.closed) return;
    for (const name of this.written) {
      const target = join(this.dir, name);
      const info = await stat(target).catch(() => null);
      if (info && !info.isFile()) {
        await this.discard();
        throw outputError(
          `cannot replace ${target}: it is not a file`,
          "Remove it or choose another --out",
        );
      }
    }
    for (const name of this.written) {
      const target = join(this.dir, name);
      await rename(join(this.dir, partial(name)), target).catch((error: unknown) => {
        throw outputFailure(target, error);
      });
    }
    const stale = OUTPUT_FILES.filter((name) => !this.written.has(name));
    await Promise.all(stale.map((name) => rm(join(this.dir, name), { force: true })));
    // A folder of outputs (lists/) that this run left empty goes too.
    const folders = new Set(OUTPUT_FILES.map(dirname).filter((d) => d !== "."));
    await Promise.all([...folders].map((d) => rmdir(join(this.dir, d)).catch(() => undefined)));
    await this.release();
  }

  /** Removes what the run wrote and leaves the directory as it was. */
  async discard(): Promise<void> {
    if (this.closed) return;
    await Promise.all(
      [...this.written].map((name) => rm(join(this.dir, partial(name)), { force: true })),
    );
    await this.release();
  }

  private async release(): Promise<void> {
    this.closed = true;
    await rm(join(this.dir, LOCK), { force: true });
  }
}

/** The real path of a file that may not exist yet: its directory's, joined with its name. */
async function realTarget(dir: string, name: string): Promise<string> {
  const target = join(dir, name);
  return realpath(target).catch(async () => join(await realpath(dir), name));
}

async function refuseInputsAsOutputs(dir: string, inputs: readonly InputFile[]): Promise<void> {
  const outputs = new Map<string, string>();
  for (const name of OUTPUT_FILES) outputs.set(await realTarget(dir, name), join(dir, name));
  for (const input of inputs) {
    const real = await realpath(input.path).catch(() => resolve(input.path));
    const output = outputs.get(real);
    if (output) {
      throw usageError(
        `the output ${output} is the ${input.what} file ${input.path}: the run would overwrite its own input`,
        "Choose another --out directory",
      );
    }
  }
}

/** Creates the lock file, or fails when a live run holds it; a dead run's lock is taken over. */
async function takeLock(dir: string): Promise<void> {
  const path = join(dir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(
        `${JSON.stringify({ pid: process.pid, started: new Date().toISOString() })}\n`,
      );
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw outputFailure(path, error);
    }
    const holder = await readFile(path, "utf8")
      .then((text) => JSON.parse(text) as { pid?: number; started?: string })
      .catch(() => ({}) as { pid?: number; started?: string });
    if (holder.pid !== undefined && isRunning(holder.pid)) {
      throw outputError(
        `another Encore run (process ${holder.pid}, started ${holder.started ?? "at an unknown time"}) is writing to ${dir}`,
        "Wait for it to finish, or choose another --out directory",
      );
    }
    await rm(path, { force: true });
  }
  throw outputError(`cannot lock the output directory ${dir}`, "Try again");
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
