import type { SqlValue } from "../engine/engine.js";

/** A statement and the values bound to it, in order. */
export interface BoundSql {
  sql: string;
  params: SqlValue[];
}

/** A function that appends a value to `params` and gives its placeholder ($1, $2, …). */
export function binder(params: SqlValue[]): (value: SqlValue) => string {
  return (value) => {
    params.push(value);
    return `$${params.length}`;
  };
}

/**
 * A number that a statement without bound values (a CREATE … AS, a view, an export) holds as a
 * literal: refused unless finite, so nothing but a number is ever written into the SQL.
 */
export function numberLiteral(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`invalid number: ${n}`);
  return String(n);
}
