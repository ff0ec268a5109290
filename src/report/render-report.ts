import type { AnalysisResults } from "../analysis/results.js";
import type { Lang } from "../text/lang.js";
import type { Chart } from "./charts/chart.js";
import { type ReportContext, reportContext } from "./context.js";
import { esc, para } from "./html.js";
import { adjustedEffectsSection } from "./sections/adjusted-effects.js";
import { cohortsSection } from "./sections/cohorts.js";
import { correlationSection } from "./sections/correlation.js";
import { customerListsSection } from "./sections/customer-lists.js";
import { dataQualitySection } from "./sections/data-quality.js";
import { entryPointsSection } from "./sections/entry-points.js";
import { methodSection } from "./sections/method.js";
import { predictionSection } from "./sections/prediction.js";
import { repeatSection } from "./sections/repeat.js";
import { revenueSection } from "./sections/revenue.js";
import type { Section, SectionBuilder } from "./sections/section.js";
import { segmentsSection } from "./sections/segments.js";
import { summarySection } from "./sections/summary.js";
import { timeSection } from "./sections/time.js";
import { STYLE } from "./style.js";

/** The sections in reading order; each one's id is also its anchor. */
const SECTIONS: readonly [string, SectionBuilder][] = [
  ["summary", summarySection],
  ["data-quality", dataQualitySection],
  ["entry-points", entryPointsSection],
  ["adjusted", adjustedEffectsSection],
  ["repeat", repeatSection],
  ["cohorts", cohortsSection],
  ["revenue", revenueSection],
  ["time", timeSection],
  ["correlation", correlationSection],
  ["segments", segmentsSection],
  ["prediction", predictionSection],
  ["lists", customerListsSection],
  ["method", methodSection],
];

/** A section whose data cannot be drawn says so, and the rest of the report still renders. */
function safely(
  id: string,
  build: SectionBuilder,
  r: AnalysisResults,
  ctx: ReportContext,
): Section {
  try {
    return build(r, ctx);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      id,
      title: ctx.t.sectionTitles[id as keyof typeof ctx.t.sectionTitles] ?? id,
      body: para(ctx.t.sectionFailed(reason)),
      charts: [],
    };
  }
}

/** The input, the date of the run and the version of Encore that made it. */
function footer(r: AnalysisResults, { t, f }: ReportContext): string {
  const input =
    r.input.source === "files"
      ? (r.input.orders.split(/[\\/]/).pop() ?? "")
      : shorten(r.input.orders);
  return t.footer(input, f.date(r.run?.date), r.run?.encore_version ?? "—", r.schema_version);
}

/** A table name or query as one short line. */
function shorten(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/** The parts of a report: its header, its sections with their charts, its footer. */
export interface ReportParts {
  title: string;
  /** The header: title, period and the sections' table of contents. */
  header: string;
  /** The sections in reading order, each a <section> with its id as anchor. */
  body: string;
  footer: string;
  charts: Chart[];
}

/** The report's header, sections and footer as HTML fragments, to be placed in a page. */
export function reportParts(results: AnalysisResults, lang: Lang): ReportParts {
  const ctx = reportContext(lang, results.currency?.code);
  const { t } = ctx;
  const sections = SECTIONS.map(([id, build]) => safely(id, build, results, ctx));
  const nav = sections.map((s) => `<li><a href="#${s.id}">${esc(s.title)}</a></li>`).join("");
  const body = sections
    .map((s) => `<section id="${s.id}"><h2>${esc(s.title)}</h2>${s.body}</section>`)
    .join("\n");
  const period = t.period(ctx.f.date(results.data_start), ctx.f.date(results.data_end));
  return {
    title: t.title,
    header: `<header><h1>${esc(t.title)}</h1><p class="subtitle">${esc(period)}</p><nav><ol>${nav}</ol></nav></header>`,
    body,
    footer: `<footer>${esc(footer(results, ctx))}</footer>`,
    charts: sections.flatMap((s) => s.charts),
  };
}

/** The report's sections and every chart in them, in reading order. */
export function buildReport(
  results: AnalysisResults,
  lang: Lang,
): { html: string; charts: Chart[] } {
  const parts = reportParts(results, lang);
  const html = `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(parts.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${parts.header}
${parts.body}
${parts.footer}
</main>
</body>
</html>
`;
  return { html, charts: parts.charts };
}

/** The self-contained HTML report of one run, in English or Russian. */
export function renderReport(results: AnalysisResults, lang: Lang): string {
  return buildReport(results, lang).html;
}
