import { rm } from "node:fs/promises";

/** Removes the run's temporary directory (see vitest.config.ts) with whatever is left in it. */
export async function teardown(): Promise<void> {
  const dir = process.env.ENCORE_TEST_TMPDIR;
  if (dir) await rm(dir, { recursive: true, force: true });
}
