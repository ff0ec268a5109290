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
 *
 * A finite instant or date from the year 1 on is written by PostgreSQL's own output function,
 * which the session's DateStyle ISO makes ISO text: at 10M orders to_char took 10 of the copy's
 * 23 s. The rest (infinities, years before 1) keep to_char's text, NULL for an infinity, which
 * the output function would write in forms the typed read cannot take.
 */
export function copySelectSql(
  relation: string,
  columns: readonly TypedColumn[],
  timeZone: string,
  pages?: PageRange,
): string {
  const zone = quoteLiteral(timeZone);
  const iso = (value: string, pattern: string) =>
    `CASE WHEN isfinite(${value}) AND ${value} >= '0001-01-01' THEN CAST(${value} AS text) ` +
    `ELSE to_char(${value}, '${pattern}') END`;
  const list = columns.map(({ name, type }) => {
    const c = `s.${quoteIdent(name)}`;
    const as = ` AS ${quoteIdent(name)}`;
    if (type.startsWith("timestamp") && type.endsWith("with time zone"))
      return `${iso(`(${c} AT TIME ZONE ${zone})`, "YYYY-MM-DD HH24:MI:SS.US")}${as}`;
    if (type.startsWith("timestamp")) return `${iso(c, "YYYY-MM-DD HH24:MI:SS.US")}${as}`;
    if (type === "date") return `${iso(c, "YYYY-MM-DD")}${as}`;
    return `${c}${as}`;
  });
  return `SELECT ${list.join(", ")} FROM ${relation} AS s${pages ? ` WHERE ${pageRangeSql(pages)}` : ""}`;
}

/** Pages of a table, by number: from `from` (from the first) up to `to` excluded (to the end). */
export interface PageRange {
  readonly from?: number;
  readonly to?: number;
}

/** The rows of a page range, by their ctid: PostgreSQL reads only those pages (TID Range Scan). */
function pageRangeSql({ from, to }: PageRange): string {
  const page = (n: number) => {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`invalid page ${n}`);
    return `'(${n},0)'::tid`;
  };
  const bounds = [
    ...(from !== undefined ? [`s.ctid >= ${page(from)}`] : []),
    ...(to !== undefined ? [`s.ctid < ${page(to)}`] : []),
  ];
  return bounds.length ? bounds.join(" AND ") : "true";
}

/**
 * Whether the relation named $1 is a plain table ('r'), and its size in pages: a table can be
 * copied in page ranges, side by side.
 */
export const tablePagesSql = (): string => `
SELECT c.relkind::text AS kind,
  pg_relation_size(c.oid) / current_setting('block_size')::bigint AS pages
FROM pg_class AS c WHERE c.oid = to_regclass($1)`;

/** The planner's estimate of a relation's rows, without reading it. */
export const estimatedRowsSql = (relation: string): string =>
  `EXPLAIN SELECT * FROM ${relation} AS s`;
