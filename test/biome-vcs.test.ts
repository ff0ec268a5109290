import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { tempDir } from "./helpers.js";

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, "..");
const BIOME = join(ROOT, "node_modules", ".bin", "biome");

/** A git repository with the project's biome.json and one badly formatted file at `badFile`. */
async function repoWith(badFile: string): Promise<string> {
  const dir = await tempDir("encore-biome-");
  await run("git", ["init", "-q", dir]);
  // The project's config as it is, but for the schema, which lives in the project's node_modules.
  const config = await readFile(join(ROOT, "biome.json"), "utf8");
  await writeFile(join(dir, "biome.json"), config.replace(/^\s*"\$schema".*\n/m, ""));
  await writeFile(join(dir, ".gitignore"), "test-artifacts/\n");
  await writeFile(join(dir, "ok.ts"), "export const x = 1;\n");
  await mkdir(join(dir, "test-artifacts"), { recursive: true });
  await writeFile(join(dir, badFile), "export  const   y=2\n");
  return dir;
}

async function biomeCi(dir: string): Promise<number> {
  try {
    await run(BIOME, ["ci", "."], { cwd: dir });
    return 0;
  } catch (error) {
    return (error as { code?: number }).code ?? -1;
  }
}

describe("npm test's biome ci", () => {
  it("skips what git ignores, and still fails on a badly formatted file that git sees", async () => {
    expect(await biomeCi(await repoWith("test-artifacts/scratch.ts"))).toBe(0);
    expect(await biomeCi(await repoWith("scratch.ts"))).not.toBe(0);
  });
});
