import { describe, expect, it } from "vitest";
import { bindParams } from "./bind-params.js";

describe("bindParams", () => {
  it("types each placeholder by its value and reuses a repeated one", () => {
    expect(bindParams("SELECT $1, $2, $3, $4, $5, $1", ["a", 7, 0.5, true, null])).toEqual({
      sql: "SELECT {p1:String}, {p2:Int64}, {p3:Float64}, {p4:Bool}, {p5:Nullable(String)}, {p1:String}",
      params: { p1: "a", p2: 7, p3: 0.5, p4: true, p5: null },
    });
  });

  it("leaves $n in strings, quoted identifiers and comments alone", () => {
    const sql = `SELECT '$1', 'it''s $1', 'a\\'$1', "$1", \`$1\` -- $1\n, /* $1 */ $1`;
    expect(bindParams(sql, [1]).sql).toBe(
      `SELECT '$1', 'it''s $1', 'a\\'$1', "$1", \`$1\` -- $1\n, /* $1 */ {p1:Int64}`,
    );
  });

  it("tells $10 from $1 and refuses a placeholder without a value", () => {
    const values = Array.from({ length: 10 }, (_, i) => i);
    expect(bindParams("$10 + $1", values).sql).toBe("{p10:Int64} + {p1:Int64}");
    expect(() => bindParams("SELECT $2", [1])).toThrow("$2 has no value (1 bound)");
  });
});
