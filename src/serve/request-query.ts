import { z } from "zod";
import type { StudyFilter, StudyGroup } from "../analysis/study.js";
import { isIsoDate } from "../config/date-values.js";
import { DIMENSION_COLUMNS, type DimensionColumn } from "../model/columns.js";
import { LIST_NAMES, type ListName } from "../model/customer-lists.js";
import { SEGMENT_NAMES } from "../model/segments.js";

/** The longest value a filter may hold, and the most values per dimension. */
export const MAX_VALUE_LENGTH = 500;
export const MAX_VALUES = 200;

/** A request's bad input: answered 400 with its message. */
export class BadRequest extends Error {}

const date = z
  .string()
  .refine(isIsoDate, { message: "must be a real date written YYYY-MM-DD" })
  .optional();
const values = z
  .array(z.string().min(1, "must not be empty").max(MAX_VALUE_LENGTH, "is too long"))
  .max(MAX_VALUES, `may hold at most ${MAX_VALUES} values`)
  .optional();

const filterSchema = z.strictObject({
  from: date,
  to: date,
  segment: z.enum(SEGMENT_NAMES).optional(),
  lang: z.enum(["en", "ru"]).optional(),
  ...(Object.fromEntries(DIMENSION_COLUMNS.map((c) => [c, values])) as Record<
    DimensionColumn,
    typeof values
  >),
});

const groupSchema = z.union([
  z.strictObject({
    group_dimension: z.enum(DIMENSION_COLUMNS as [DimensionColumn, ...DimensionColumn[]]),
    group_value: z.string().min(1).max(MAX_VALUE_LENGTH),
  }),
  z.strictObject({ group_cohort: z.string().refine(isIsoDate, "must be a real date") }),
]);

export interface RequestQuery {
  readonly filter: StudyFilter;
  readonly lang: "en" | "ru";
  /** The filter written one way whatever the order of the query: the cache's key. */
  readonly key: string;
}

/** The parameters that are given once; any other known one may be repeated. */
const SINGLE = new Set([
  "from",
  "to",
  "segment",
  "lang",
  "group_dimension",
  "group_value",
  "group_cohort",
]);

/**
 * The query string of a request as a filter, every value checked before it goes near SQL:
 * real dates, known dimensions, bounded values, a known segment and language. `extra` names
 * the parameters a route takes besides the filter (they come back in `rest`).
 */
export function parseQuery(
  params: URLSearchParams,
  extra: readonly string[] = [],
): RequestQuery & { rest: Record<string, string> } {
  const raw: Record<string, string | string[]> = {};
  const rest: Record<string, string> = {};
  for (const name of new Set(params.keys())) {
    const all = params.getAll(name);
    if (SINGLE.has(name) && all.length > 1) throw new BadRequest(`${name} is given more than once`);
    if (extra.includes(name)) rest[name] = all[0] ?? "";
    else raw[name] = SINGLE.has(name) ? (all[0] ?? "") : all;
  }
  const parsed = filterSchema.safeParse(raw);
  if (!parsed.success) throw new BadRequest(describe(parsed.error));
  const q = parsed.data;
  if (q.from && q.to && q.from > q.to) {
    throw new BadRequest(`from (${q.from}) is after to (${q.to})`);
  }
  const where: Partial<Record<DimensionColumn, string[]>> = {};
  for (const column of DIMENSION_COLUMNS) {
    const chosen = q[column];
    if (chosen?.length) where[column] = [...new Set(chosen)].sort();
  }
  const filter: StudyFilter = {
    from: q.from ?? null,
    to: q.to ?? null,
    where,
    segment: q.segment ?? null,
  };
  return { filter, lang: q.lang ?? "en", key: JSON.stringify(filter), rest };
}

/** The group of "these N customers": one dimension's value, or one cohort. */
export function parseGroup(rest: Record<string, string>): StudyGroup {
  const parsed = groupSchema.safeParse(rest);
  if (!parsed.success) {
    throw new BadRequest(
      `give group_dimension and group_value, or group_cohort: ${describe(parsed.error)}`,
    );
  }
  const g = parsed.data;
  return "group_cohort" in g
    ? { cohort: g.group_cohort }
    : { dimension: g.group_dimension, value: g.group_value };
}

/** A list's name from the path, one of the four. */
export function parseListName(text: string): ListName {
  const name = LIST_NAMES.find((n) => n === text);
  if (!name)
    throw new BadRequest(`unknown list: ${clip(text)}; the lists are ${LIST_NAMES.join(", ")}`);
  return name;
}

/** zod's first issue as one line, naming the parameter; the value itself is not echoed. */
function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid query";
  if (issue.code === "unrecognized_keys") {
    return `unknown parameter ${issue.keys.map(clip).join(", ")}; filter by from, to, segment, lang or ${DIMENSION_COLUMNS.join(", ")}`;
  }
  const name = issue.path.filter((p) => typeof p === "string").join(".") || "query";
  if (issue.code === "invalid_value" && "values" in issue) {
    return `invalid ${name}: use one of ${issue.values.join(", ")}`;
  }
  return `invalid ${name}: ${issue.message}`;
}

const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
