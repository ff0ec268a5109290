import { describe, expect, it } from "vitest";
import { EncoreError } from "../errors.js";
import { parseTableName } from "./table-name.js";

describe("parseTableName", () => {
  it("quotes a bare name and leaves the schema to the search_path", () => {
    expect(parseTableName("Orders")).toEqual({ text: "Orders", sql: '"Orders"' });
  });

  it("splits on the first dot only", () => {
    expect(parseTableName("shop.orders.2024").sql).toBe('"shop"."orders.2024"');
  });

  it("keeps quotes and semicolons inside one identifier", () => {
    expect(parseTableName('orders"; DROP TABLE orders; --').sql).toBe(
      '"orders""; DROP TABLE orders; --"',
    );
  });

  it("refuses an empty part and a name PostgreSQL would cut at 63 bytes", () => {
    const fails = (text: string) => {
      try {
        parseTableName(text);
      } catch (error) {
        expect(error).toBeInstanceOf(EncoreError);
        return (error as EncoreError).message;
      }
      return "no error";
    };
    expect(fails("")).toBe('cannot use the table name "": it is empty');
    expect(fails(".orders")).toBe('cannot use the table name ".orders": its schema is empty');
    expect(fails("shop.")).toBe(
      'cannot use the table name "shop.": its name after the dot is empty',
    );
    expect(fails("я".repeat(32))).toMatch(/it is longer than PostgreSQL's 63 bytes$/);
    expect(parseTableName("я".repeat(31)).text).toBe("я".repeat(31));
  });
});
