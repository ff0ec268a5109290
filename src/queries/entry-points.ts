import { quoteIdent } from "../engine/sql.js";

/** Users, repeaters (2+) and 5+ buyers per value of one first-order dimension (§4). */
export const entryPointCountsSql = (users: string, dimension: string): string => `
SELECT ${quoteIdent(dimension)} AS value, count(*) AS users,
  sum(CASE WHEN is_two THEN 1 ELSE 0 END) AS twos,
  sum(CASE WHEN is_five THEN 1 ELSE 0 END) AS fives
FROM ${users}
GROUP BY ${quoteIdent(dimension)}`;
