import { describe, expect, it, vi } from "vitest";
import { EncoreError } from "../../errors.js";
import { ClickHouseEngine } from "./engine.js";

// As on a machine where the optional package was not installed (or has no engine for it).
vi.mock("chdb", () => {
  throw new Error("Cannot find package 'chdb' imported from encore");
});

describe("the embedded ClickHouse when chdb is missing", () => {
  it("says so in one line, with what to do", async () => {
    const error = await ClickHouseEngine.connect({
      connection: { kind: "chdb", dir: "unused" },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EncoreError);
    // The loader's own words stand in the parentheses (here vitest's, for the mocked module).
    const line = (error as EncoreError).toLine();
    expect(line).toMatch(
      /^encore: the embedded ClickHouse is not available \(the npm package chdb: .+\)\. Install it with npm install chdb \(Linux or macOS\), or set CLICKHOUSE_URL to a ClickHouse server$/,
    );
    expect(line).not.toContain("\n");
    expect((error as EncoreError).exitCode).toBe(3);
  });
});
