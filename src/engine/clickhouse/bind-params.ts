import type { SqlValue } from "../engine.js";

/** A statement with ClickHouse's named, typed placeholders and the values they take. */
export interface BoundStatement {
  readonly sql: string;
  readonly params: Record<string, SqlValue>;
}

/** The ClickHouse type a bound value is declared with. */
function typeOf(value: SqlValue): string {
  if (value === null) return "Nullable(String)";
  if (typeof value === "boolean") return "Bool";
  if (typeof value === "number") return Number.isSafeInteger(value) ? "Int64" : "Float64";
  return "String";
}

/**
 * Rewrites Encore's positional `$1, $2…` as ClickHouse's `{p1:Type}` placeholders, typed by
 * the value bound to each; `$n` inside quotes or comments is text and stays. ClickHouse
 * substitutes the values itself: nothing is spliced into the SQL.
 */
export function bindParams(sql: string, values: readonly SqlValue[]): BoundStatement {
  const params: Record<string, SqlValue> = {};
  let out = "";
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] as string;
    const skip = skipQuotedOrComment(sql, i);
    if (skip > i) {
      out += sql.slice(i, skip);
      i = skip;
      continue;
    }
    const digits = c === "$" ? /^[0-9]+/.exec(sql.slice(i + 1))?.[0] : undefined;
    if (digits === undefined) {
      out += c;
      i += 1;
      continue;
    }
    const n = Number(digits);
    if (n < 1 || n > values.length) {
      throw new Error(`$${digits} has no value (${values.length} bound)`);
    }
    const value = values[n - 1] as SqlValue;
    params[`p${n}`] = value;
    out += `{p${n}:${typeOf(value)}}`;
    i += 1 + digits.length;
  }
  return { sql: out, params };
}

/** The index just past a quoted string, identifier or comment starting at i (else i). */
function skipQuotedOrComment(sql: string, i: number): number {
  const c = sql[i];
  if (c === "'" || c === '"' || c === "`") {
    for (let j = i + 1; j < sql.length; j++) {
      if (sql[j] === "\\") j += 1;
      else if (sql[j] === c) {
        if (sql[j + 1] === c) j += 1;
        else return j + 1;
      }
    }
    return sql.length;
  }
  if (c === "-" && sql[i + 1] === "-") {
    const end = sql.indexOf("\n", i);
    return end < 0 ? sql.length : end;
  }
  if (c === "/" && sql[i + 1] === "*") {
    const end = sql.indexOf("*/", i + 2);
    return end < 0 ? sql.length : end + 2;
  }
  return i;
}
