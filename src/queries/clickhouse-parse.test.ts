import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChdbForTest, openChdb } from "../../test/chdb-engine.js";
import { clickhouseDialect as d } from "../engine/clickhouse/dialect.js";
import { everyBuilder } from "./every-builder.test-helpers.js";

const BUILDERS = everyBuilder(d);

/**
 * What ClickHouse's parser refuses, and so what it never runs: an UPDATE … FROM, in place of
 * which the ClickHouse dialect (updatesFrom false) joins the reasons in (checkedWithReasonsSql).
 */
const NOT_PARSED = ["applyReasonsSql"];

describe("every SQL builder, rendered with the ClickHouse dialect, parses in ClickHouse (chDB)", () => {
  it("but the one ClickHouse is never given", () => {
    expect(d.updatesFrom).toBe(false);
  });

  let chdb: ChdbForTest;
  beforeAll(async () => {
    chdb = await openChdb();
  });
  afterAll(async () => {
    await chdb?.close();
  });

  it("parses all but the statements ClickHouse never runs", async () => {
    const refused: Record<string, string> = {};
    for (const [name, built] of Object.entries(BUILDERS)) {
      const { sql, params } = typeof built === "string" ? { sql: built, params: [] } : built;
      // EXPLAIN AST runs the parser only: no table needs to exist.
      await chdb.engine.all(`EXPLAIN AST ${sql}`, params).catch((error: unknown) => {
        refused[name] = String((error as Error).message).slice(0, 200);
      });
    }
    expect(Object.keys(refused)).toEqual(NOT_PARSED);
    expect(refused.applyReasonsSql).toMatch(/Syntax error/);
  });
});
