import type {
  CountModelFit,
  HoldoutEvaluation,
  PredictedGroup,
  PredictionSection,
  SpendModelFit,
} from "../../analysis/prediction-results.js";
import { dimensionLabel } from "../../text/labels.js";
import type { Chart } from "../charts/chart.js";
import { figure } from "../charts/figure.js";
import { holdoutByFrequencyChart } from "../charts/holdout-by-frequency.js";
import { pAliveHistogramChart } from "../charts/p-alive-histogram.js";
import type { ReportContext } from "../context.js";
import type { Formatters } from "../format.js";
import { esc, para } from "../html.js";
import type { Counted } from "../i18n/messages.js";
import { table } from "../table.js";
import type { SectionBuilder } from "./section.js";

const counted = (x: number, f: Formatters): Counted => ({ n: Math.round(x), text: f.count(x) });

const h3 = (text: string) => `<h3>${esc(text)}</h3>`;

/** One-time buyers still active, the orders expected over the horizon, the customer value. */
function lead(p: PredictionSection, filtered: boolean, { t, f }: ReportContext): string {
  const single = p.single_order_buyers;
  const o = p.overall;
  return [
    single.users > 0
      ? t.predictionSingle(counted(single.users, f), counted(single.likely_alive, f))
      : "",
    t.predictionExpected(
      f.days(p.horizon_days),
      f.date(p.as_of),
      counted(o.users, f),
      filtered,
      counted(o.expected_orders, f),
      f.decimal(o.expected_orders_per_user, 2),
    ),
    o.mean_clv_rub === null
      ? ""
      : t.predictionValue(
          t.months(p.value.months),
          f.percent(p.value.monthly_discount_rate),
          f.money(o.mean_clv_rub),
        ),
  ]
    .filter(Boolean)
    .join(" ");
}

/** The figure columns of every group table; the value column only with a spend model. */
function groupColumns(p: PredictionSection, { t, f }: ReportContext) {
  const withValue = p.spend !== null;
  return {
    headers: [
      t.users,
      t.expectedPerUser(f.days(p.horizon_days)),
      t.meanPAlive,
      ...(withValue ? [t.meanClv] : []),
    ],
    cells: (g: PredictedGroup) => [
      f.count(g.users),
      f.decimal(g.expected_orders_per_user, 2),
      f.percent(g.mean_p_alive),
      // The column's header carries the ₽.
      ...(withValue ? [f.count(g.mean_clv_rub)] : []),
    ],
  };
}

/** The calibration/holdout check: what the model said against what the customers did. */
function holdoutPart(h: HoldoutEvaluation, ctx: ReportContext): { html: string; chart: Chart } {
  const { t, f } = ctx;
  const text = t.holdoutText(
    f.date(h.calibration_end),
    counted(h.total.predicted_orders, f),
    f.days(h.holdout_days),
    counted(h.users, f),
    h.max_orders === null || h.max_orders === undefined
      ? null
      : f.decimal(h.max_orders, Number.isInteger(h.max_orders) ? 0 : 1),
    counted(h.total.actual_orders, f),
    h.relative_error === null ? "" : f.signedPercent(h.relative_error),
  );
  const chart = holdoutByFrequencyChart(h, ctx);
  const row = (label: string, b: HoldoutEvaluation["total"]) => [
    label,
    f.count(b.users),
    f.count(b.actual_orders),
    f.count(b.predicted_orders),
  ];
  const rows = [...h.bins.map((b) => row(b.bin, b)), row(t.holdoutAll, h.total)];
  const html = [
    h3(t.holdoutTitle),
    para(text),
    figure(chart),
    table(
      [t.holdoutBin(f.date(h.calibration_end)), t.users, t.holdoutActual, t.holdoutPredicted],
      rows,
    ),
  ].join("");
  return { html, chart };
}

const SYMBOLS = { r: "r", alpha: "α", a: "a", b: "b", p: "p", q: "q", gamma: "γ" } as const;

/** Every fitted parameter with its standard error, and each model's log-likelihood. */
function parametersPart(p: PredictionSection, { t, f }: ReportContext): string {
  const fits: [string, CountModelFit | SpendModelFit][] = [
    [t.modelNames.bg_nbd, p.fits.bg_nbd],
    [t.modelNames.mbg_nbd, p.fits.mbg_nbd],
    ...(p.spend ? [[t.modelNames.gamma_gamma, p.spend] as [string, SpendModelFit]] : []),
  ];
  const rows = fits.flatMap(([name, fit]) => [
    ...Object.entries(fit.params).map(([key, value]) => [
      name,
      SYMBOLS[key as keyof typeof SYMBOLS] ?? key,
      f.decimal(value, 3),
      f.decimal((fit.standard_errors as Record<string, number | null>)[key], 3),
    ]),
    [name, t.logLikelihood, f.decimal(fit.log_likelihood, 1), "—"],
  ]);
  const failed = fits.filter(([, fit]) => !fit.converged).map(([name]) => name);
  return [
    h3(t.modelParamsTitle),
    para(t.modelParamsText(p.time_unit === "weeks")),
    table([t.model, t.parameter, t.estimate, t.standardError], rows, 2),
    failed.length ? para(t.notConverged(failed.join(", "))) : "",
  ].join("");
}

/** Who will come back: P(alive), expected orders and customer value, by segment and entry point. */
export const predictionSection: SectionBuilder = (r, ctx) => {
  const { t, f, lang } = ctx;
  const p = r.prediction;
  if (!p) {
    return {
      id: "prediction",
      title: t.predictionTitle,
      body: para(
        r.notes.some((n) => n.code === "prediction_off")
          ? t.notePredictionOff
          : t.predictionMissing,
      ),
      charts: [],
    };
  }
  const charts: Chart[] = [];
  const cols = groupColumns(p, ctx);
  const parts = [para(lead(p, r.filter.P !== null, ctx))];
  if (p.single_order_buyers.users > 0) {
    const chart = pAliveHistogramChart(p.single_order_buyers.p_alive_histogram, ctx);
    charts.push(chart);
    parts.push(figure(chart));
  }
  parts.push(
    para(t.predictionSegmentsText),
    table(
      [t.segment, ...cols.headers],
      p.by_segment.map((s) => [t.segmentName[s.segment], ...cols.cells(s)]),
    ),
  );
  const dims = Object.entries(p.by_entry_point).filter(([, values]) => values.length > 0);
  if (dims.length) parts.push(para(t.predictionEntryText));
  for (const [key, values] of dims) {
    parts.push(
      h3(t.predictionByDimension(dimensionLabel(key, lang))),
      `<div class="keep">${table(
        [t.value, ...cols.headers],
        values.map((v) => [f.value(v.value), ...cols.cells(v)]),
      )}</div>`,
    );
  }
  if (p.holdout) {
    const holdout = holdoutPart(p.holdout, ctx);
    charts.push(holdout.chart);
    parts.push(holdout.html);
  }
  parts.push(parametersPart(p, ctx));
  return { id: "prediction", title: t.predictionTitle, body: parts.join(""), charts };
};
