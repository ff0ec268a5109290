import { clickhouseDialect } from "../engine/clickhouse/dialect.js";
import type { Dialect } from "../engine/dialect.js";
import { duckdbDialect } from "../engine/duckdb/dialect.js";
import { postgresDialect } from "../engine/postgres/dialect.js";

/** A builder rendered for every dialect, for one snapshot per builder. */
export function inEveryDialect(build: (d: Dialect) => string): Record<Dialect["name"], string> {
  return {
    duckdb: build(duckdbDialect),
    postgres: build(postgresDialect),
    clickhouse: build(clickhouseDialect),
  };
}
