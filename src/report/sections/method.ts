import type { AnalysisResults, Note } from "../../analysis/results.js";
import { dimensionLabel } from "../../text/labels.js";
import type { ReportContext } from "../context.js";
import { esc, list, para } from "../html.js";
import { table } from "../table.js";
import type { SectionBuilder } from "./section.js";

const fileName = (path: string | null): string =>
  path ? (path.split(/[\\/]/).pop() ?? path) : "—";

function noteText(note: Note, r: AnalysisResults, { t, f, lang }: ReportContext): string {
  if (note.code.startsWith("absent_")) return t.noteAbsent(note.code.slice("absent_".length));
  if (note.code === "prediction_failed") return t.notePredictionFailed;
  if (note.code === "prediction_off") return t.notePredictionOff;
  const check = r.preparation.days_since_prev_check;
  if (note.code === "days_since_prev_mismatch" && check) {
    return t.noteMismatch(f.count(check.mismatches), f.count(check.compared));
  }
  return note.texts?.[lang] ?? note.text;
}

/** The prediction's horizon, value period, discount rate and check date, when it was run. */
function predictionParams(r: AnalysisResults, { t, f }: ReportContext): string[][] {
  const p = r.prediction;
  if (!p) return [];
  return [
    [t.paramHorizon, f.days(p.horizon_days)],
    [t.paramValueMonths, t.months(p.value.months)],
    [t.paramDiscount, f.percent(p.value.monthly_discount_rate)],
    ...(p.holdout ? [[t.paramCalibrationEnd, f.date(p.holdout.calibration_end)]] : []),
  ];
}

/** Definitions, tests, this run's parameters, and what was skipped and why. */
export const methodSection: SectionBuilder = (r, ctx) => {
  const { t, f, lang } = ctx;
  const params = [
    [t.paramOrders, fileName(r.input.orders)],
    [t.paramRates, fileName(r.input.rates)],
    [t.paramPeriod, `${f.date(r.data_start)} – ${f.date(r.data_end)}`],
    [t.paramDataEnd, f.date(r.data_end)],
    [t.filterQ, r.filter.q === null ? t.noFilter : f.decimal(r.filter.q, 2)],
    [t.filterP, f.trimmed(r.filter.P)],
    [t.paramMinUsers, f.count(r.entry_points.min_users)],
    [t.paramTopN, f.count(r.entry_points.top_n)],
    ...predictionParams(r, ctx),
  ];
  const skipped = [
    ...r.entry_points.skipped.map((s) => t.entrySkipped(dimensionLabel(s.dimension, lang))),
    ...r.notes.map((n) => noteText(n, r, ctx)),
    ...(r.correlation === null ? [t.correlationMissing] : []),
    // A failed fit is already among the notes; a prediction with nothing to learn from is not.
    ...(r.prediction === null &&
    !r.notes.some((n) => n.code === "prediction_failed" || n.code === "prediction_off")
      ? [t.predictionMissing]
      : []),
  ];
  const body = [
    `<h3>${esc(t.definitionsTitle)}</h3>`,
    list(t.definitions),
    `<h3>${esc(t.testsTitle)}</h3>`,
    list(t.tests),
    `<h3>${esc(t.predictionMethodTitle)}</h3>`,
    para(t.predictionMethod),
    `<h3>${esc(t.parametersTitle)}</h3>`,
    table([t.parameter, t.valueCol], params, 2),
    `<h3>${esc(t.skippedTitle)}</h3>`,
    skipped.length ? list(skipped) : para(t.nothingSkipped),
  ].join("");
  return { id: "method", title: t.methodTitle, body, charts: [] };
};
