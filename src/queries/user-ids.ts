import type { Dialect } from "../engine/dialect.js";
import type { ColumnBinding } from "./bindings.js";
import { textValue } from "./parse-expressions.js";
import { TABLES } from "./tables.js";

/**
 * Every distinct user_id (trimmed, as §11 reads it) with a small integer user_no. The working
 * tables carry user_no instead of the text: grouping and sorting ten million orders by an
 * integer takes half the time, and the text joins back only for the per-user table. The
 * numbering is arbitrary and nothing reported depends on it.
 */
export const userIdsSql = (d: Dialect, userId: ColumnBinding): string => `
SELECT user_id, CAST(row_number() OVER () AS INTEGER) AS user_no
FROM (SELECT DISTINCT ${textValue(d, userId)} AS user_id FROM ${TABLES.raw} AS r) AS ids
WHERE user_id IS NOT NULL`;
