import type { AnalysisResults } from "../../analysis/results.js";
import { DIMENSIONS, type DimensionColumn } from "../../model/columns.js";
import { dimensionLabel } from "../../text/labels.js";
import type { ReportContext } from "../context.js";
import { esc, list, prose } from "../html.js";
import type { SectionBuilder } from "./section.js";

/** Which users the figures cover, when not every one: null for everyone. */
export function populationLine(
  population: AnalysisResults["population"] | undefined,
  { t, f, lang }: ReportContext,
): string | null {
  if (!population) return null;
  const parts: string[] = [];
  const { first_order_from: from, first_order_to: to } = population;
  if (from && to) parts.push(t.populationBetween(f.date(from), f.date(to)));
  else if (from) parts.push(t.populationFrom(f.date(from)));
  else if (to) parts.push(t.populationTo(f.date(to)));
  for (const [column, values] of Object.entries(population.where)) {
    if (!values.length) continue;
    const first = DIMENSIONS[column as DimensionColumn] ?? column;
    const shown = values.map((v) => t.populationQuote(f.value(v))).join(t.populationOr);
    parts.push(t.populationValues(dimensionLabel(first, lang), shown));
  }
  const segment = population.segment as keyof typeof t.segmentName | null;
  if (segment && t.segmentName[segment]) parts.push(t.populationSegment(t.segmentName[segment]));
  return parts.length ? t.population(parts) : null;
}

/**
 * The first screen: the headline figures, what the order-count filter left out of them, then
 * the findings and the recommendations.
 */
export const summarySection: SectionBuilder = (r, ctx) => {
  const { t, f, lang } = ctx;
  const o = r.overall;
  const window = r.time_between_purchases.repeat_window.window;
  const seg = r.repeat.segments;
  const tiles = [
    [
      t.tileUsers,
      f.count(o.users),
      (r.filter.P === null ? t.tileUsersNoteAll : t.tileUsersNote)(f.count(o.orders)),
    ],
    [
      t.tile2plus,
      f.percent(o.share_2plus),
      t.tileOfUsers(f.count(seg["2-4"].users + seg["5+"].users)),
    ],
    [t.tile5plus, f.percent(o.share_5plus), t.tileOfUsers(f.count(seg["5+"].users))],
    [t.tileWindow, window ? t.windowDays(window[0], window[1]) : "—", t.tileWindowNote],
  ];
  const tileHtml = tiles
    .map(
      ([label, value, note]) =>
        `<div class="tile"><div class="tile-label">${esc(label ?? "")}</div>` +
        `<div class="tile-value">${prose(value ?? "")}</div><div class="tile-note">${prose(note ?? "")}</div></div>`,
    )
    .join("");
  const findings = r.findings.map((s) => s.texts[lang]);
  const removed = r.filter.removed_share;
  const counted = (n: number) => ({ n, text: f.count(n) });
  const filterLine =
    r.filter.P === null || !removed
      ? t.summaryFilterOff
      : t.summaryFilter(
          counted(r.filter.users_removed),
          f.percent(removed.users),
          f.decimal(r.filter.P, Number.isInteger(r.filter.P) ? 0 : 1),
          counted(r.filter.orders_removed),
          f.percent(removed.orders),
          f.money(r.filter.revenue_removed_rub),
          f.percent(removed.revenue),
          counted(o.users),
        );
  const recommendations = r.recommendations.map((s) => s.texts[lang]);
  // What may make the figures wrong comes before them.
  const warnings = r.notes.filter((n) => n.warning).map((n) => n.texts?.[lang] ?? n.text);
  const population = populationLine(r.population, ctx);
  const body =
    (population ? `<p class="population"><strong>${esc(population)}</strong></p>` : "") +
    (warnings.length ? `<h3>${esc(t.dataWarnings)}</h3>${list(warnings)}` : "") +
    `<div class="tiles">${tileHtml}</div>` +
    `<p class="filter-line">${prose(filterLine)}</p>` +
    `<h3>${esc(t.findings)}</h3>${findings.length ? list(findings) : `<p>${esc(t.noFindings)}</p>`}` +
    `<h3>${esc(t.recommendations)}</h3>` +
    (recommendations.length ? list(recommendations) : `<p>${esc(t.noRecommendations)}</p>`);
  return { id: "summary", title: t.summaryTitle, body, charts: [] };
};
