import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

// Every temporary file of a run goes into one directory of its own, removed when the run
// ends (test/global-setup.ts): the tests, and the commands and servers they start, make many,
// which would otherwise stay in the system's temporary directory run after run. It is always
// made here, never taken from the environment, so the teardown removes only what the run made.
// It is as open as the system's own (sticky, writable by all), since the PostgreSQL server the
// tests start runs as its own user.
const runTemp = mkdtempSync(join(tmpdir(), "encore-tests-"));
chmodSync(runTemp, 0o1777);
process.env.ENCORE_TEST_TMPDIR = runTemp;

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { TZ: "UTC", TMPDIR: runTemp },
    globalSetup: ["test/global-setup.ts"],
    // The JSON report lets CI print a plain "N passed, N failed" line.
    reporters: ["default", ["json", { outputFile: "test-artifacts/vitest.json" }]],
  },
});
