import type { SqlValue } from "../engine/engine.js";

/** A statement and the values bound to it, in order. */
export interface BoundSql {
  sql: string;
  params: SqlValue[];
}
