import { quoteIdent, quoteLiteral } from "../engine/sql.js";

/** A column of a PostgreSQL source: its name and its type as PostgreSQL writes it. */
export interface TypedColumn {
  readonly name: string;
  readonly type: string;
}

/**
 * The source's rows as the embedded engine reads a CSV file (ANALYSIS.md §11.2, §11.4): every
 * column as it is, except instants and dates, written as ISO text, a timestamp with a time zone
 * first turned into wall-clock time in `timeZone` (as the in-database study's session does).
 * `relation` is the quoted table or the parenthesised query. COPY takes no bound values: the
 * zone, an IANA name the config validated, is a literal.
 */
export function copySelectSql(
  relation: string,
  columns: readonly TypedColumn[],
  timeZone: string,
): string {
  const zone = quoteLiteral(timeZone);
  const list = columns.map(({ name, type }) => {
    const c = `s.${quoteIdent(name)}`;
    const as = ` AS ${quoteIdent(name)}`;
    if (type.startsWith("timestamp") && type.endsWith("with time zone"))
      return `to_char(${c} AT TIME ZONE ${zone}, 'YYYY-MM-DD HH24:MI:SS.US')${as}`;
    if (type.startsWith("timestamp")) return `to_char(${c}, 'YYYY-MM-DD HH24:MI:SS.US')${as}`;
    if (type === "date") return `to_char(${c}, 'YYYY-MM-DD')${as}`;
    return `${c}${as}`;
  });
  return `SELECT ${list.join(", ")} FROM ${relation} AS s`;
}

/** The planner's estimate of a relation's rows, without reading it. */
export const estimatedRowsSql = (relation: string): string =>
  `EXPLAIN SELECT * FROM ${relation} AS s`;
