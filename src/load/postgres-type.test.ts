import { expect, it } from "vitest";
import { postgresType } from "./postgres-type.js";

it("maps DuckDB types to PostgreSQL types that read back the same value, else text", () => {
  const types = [
    "BIGINT",
    "INTEGER",
    "DOUBLE",
    "DECIMAL(18,2)",
    "TIMESTAMP",
    "DATE",
    "VARCHAR",
    "BOOLEAN",
    "TIMESTAMP WITH TIME ZONE",
    "TIMESTAMP_NS",
    "UBIGINT",
    "INTEGER[]",
  ];
  expect(Object.fromEntries(types.map((t) => [t, postgresType(t)]))).toEqual({
    BIGINT: "bigint",
    INTEGER: "integer",
    DOUBLE: "double precision",
    "DECIMAL(18,2)": "numeric(18,2)",
    TIMESTAMP: "timestamp",
    DATE: "date",
    VARCHAR: "text",
    BOOLEAN: "boolean",
    "TIMESTAMP WITH TIME ZONE": "text",
    TIMESTAMP_NS: "text",
    UBIGINT: "text",
    "INTEGER[]": "text",
  });
});
