import type { SqlValue } from "./engine.js";

/** The columns of the table each engine's insert test appends to. */
export const INSERTED_COLUMNS = ["x", "day", "v", "name"] as const;

/**
 * `n` rows for INSERTED_COLUMNS: row i is i, the date 2024-02-29 as text, i/7 (a double that
 * must come back exact) and a text with a quote in it.
 */
export const insertedRows = (n: number): SqlValue[][] =>
  Array.from({ length: n }, (_, i) => [i, "2024-02-29", i / 7, `it's ${i}`]);
