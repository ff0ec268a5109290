import { OTHER } from "../model/pooled-values.js";
import {
  checkQuintilesSql,
  covariatePatternsSql,
  type PooledDimension,
} from "../queries/adjusted-effects.js";
import {
  benjaminiHochberg,
  type CovariatePattern,
  confounded,
  fitLogisticRegression,
  logisticLikelihoodRatios,
  oddsRatioTest,
} from "../stats/index.js";
import { dimensionLabel } from "../text/labels.js";
import type { AdjustedEffects, AdjustedValue } from "./adjusted-results.js";
import { ENTRY_POINT_DIMENSIONS } from "./entry-points.js";
import { finiteOrNull } from "./numbers.js";
import type { EntryPoints, Note } from "./results.js";
import type { StudyContext } from "./study-context.js";

const Z = 1.959964;
const CHECK = "first_order_check";
const TICKETS = "first_order_tickets";
const TICKET_BINS = ["[1,2)", "[2,3)", "[3,5)", "[5,inf)"];

/** One factor of the design: its levels in the order of its columns, and its reference. */
interface Factor {
  dimension: string;
  levels: string[];
  reference: string;
}

/** A pattern as the engine counts it: each factor's level, users and repeaters. */
export interface PatternCount {
  levels: string[];
  users: number;
  repeaters: number;
}

/**
 * §13: the logistic regression of repeat within N days on every first-order dimension (pooled
 * as in §4), the first order's check (quintile bins) and its tickets (bins), fitted on the
 * distinct covariate patterns counted in SQL. null when the model has no population.
 */
export async function adjustedEffectsStage(
  ctx: StudyContext,
  entryPoints: EntryPoints,
  days: number,
  notes: Note[],
): Promise<AdjustedEffects | null> {
  const { engine } = ctx;
  const d = engine.dialect;
  const [quintiles] = await engine.all(checkQuintilesSql(d, ctx.users, days), [ctx.dataEnd]);
  if (!quintiles || Number(quintiles.users) === 0) return null;
  const edges = [quintiles.q1, quintiles.q2, quintiles.q3, quintiles.q4].map(Number);
  const dimensions: PooledDimension[] = ENTRY_POINT_DIMENSIONS.filter((c) =>
    ctx.dimensions.includes(c),
  ).map((column) => ({
    column,
    kept: (entryPoints.dimensions[column]?.values ?? [])
      .map((v) => v.value)
      .filter((v) => v !== OTHER),
  }));
  const { sql, params } = covariatePatternsSql(d, ctx.users, days, dimensions, edges, ctx.dataEnd);
  const rows = await engine.all(sql, params);
  const checkLabels = binLabels([quintiles.q0, ...edges, quintiles.q5].map(Number));
  const patterns: PatternCount[] = rows.map((r) => ({
    levels: [
      ...dimensions.map((x, i) => x.kept[Number(r[`k${i}`]) - 1] ?? OTHER),
      checkLabels[Number(r.check_bin)] ?? "",
      TICKET_BINS[Number(r.tickets_bin)] ?? "",
    ],
    users: Number(r.users),
    repeaters: Number(r.repeaters),
  }));
  return adjustedEffects(
    patterns,
    [...dimensions.map((x) => x.column), CHECK, TICKETS],
    checkLabels,
    days,
    notes,
  );
}

/** Labels of the five check bins from the six edges (min, quintiles, max), as §11.11 writes bins. */
function binLabels(edges: readonly number[]): string[] {
  const bounds = edges.map((x) => String(Number(x.toPrecision(6))));
  return bounds
    .slice(0, -1)
    .map((lo, i) => `[${lo},${bounds[i + 1]}${i === bounds.length - 2 ? "]" : ")"}`);
}

/**
 * The model from the pattern counts: references (the most common level, ties by value; the
 * check's third bin; tickets [1,2)), the fit, each value's adjusted and unadjusted odds ratio,
 * each dimension's likelihood-ratio test with Benjamini–Hochberg q-values, and notes for the
 * values left out (separation, collinearity).
 */
export function adjustedEffects(
  patterns: readonly PatternCount[],
  dimensions: readonly string[],
  checkBins: readonly string[],
  days: number,
  notes: Note[],
): AdjustedEffects | null {
  const factors: Factor[] = dimensions.map((dimension, f) => {
    const users = new Map<string, number>();
    for (const p of patterns) {
      const level = p.levels[f] ?? "";
      users.set(level, (users.get(level) ?? 0) + p.users);
    }
    const byUsers = [...users].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]));
    const levels = byUsers.map(([level]) => level);
    // The bins keep their order; the check's reference is its third bin, the tickets' [1,2).
    const bins = dimension === CHECK ? checkBins : dimension === TICKETS ? TICKET_BINS : null;
    if (!bins) return { dimension, levels, reference: levels[0] ?? "" };
    const preferred = (dimension === CHECK ? bins[2] : bins[0]) ?? "";
    return {
      dimension,
      levels: bins.filter((b) => users.has(b)),
      // Checks piled on a few amounts leave bins empty: then the most common bin.
      reference: users.has(preferred) ? preferred : (levels[0] ?? ""),
    };
  });
  const columns = factors.flatMap((factor, f) =>
    factor.levels.filter((l) => l !== factor.reference).map((level) => ({ f, level })),
  );
  // Each factor's column per level, so that a pattern's row is set in one lookup per factor
  // (the patterns are tens of thousands, the columns dozens).
  const columnOf = factors.map(() => new Map<string, number>());
  columns.forEach((c, j) => {
    columnOf[c.f]?.set(c.level, j);
  });
  const design: CovariatePattern[] = patterns.map((p) => {
    const x = new Array<number>(columns.length).fill(0);
    p.levels.forEach((level, f) => {
      const j = columnOf[f]?.get(level);
      if (j !== undefined) x[j] = 1;
    });
    return { x, trials: p.users, successes: p.repeaters };
  });
  const fit = fitLogisticRegression(design);
  if (!fit) return null;

  // Users and repeaters per level of each factor, in one pass over the patterns.
  const counts = factors.map(() => new Map<string, { trials: number; successes: number }>());
  for (const p of patterns) {
    p.levels.forEach((level, f) => {
      const c = counts[f]?.get(level) ?? { trials: 0, successes: 0 };
      c.trials += p.users;
      c.successes += p.repeaters;
      counts[f]?.set(level, c);
    });
  }
  const totals = (f: number, level: string) => counts[f]?.get(level) ?? { trials: 0, successes: 0 };
  const values: AdjustedValue[] = [];
  factors.forEach((factor, f) => {
    const reference = totals(f, factor.reference);
    for (const level of factor.levels) {
      const mine = totals(f, level);
      if (level === factor.reference) {
        values.push({
          dimension: factor.dimension,
          value: level,
          users: mine.trials,
          reference: true,
          status: "reference",
          odds_ratio: 1,
          ci_low: null,
          ci_high: null,
          p_value: null,
          unadjusted_odds_ratio: 1,
          unadjusted_p_value: null,
          confounded: false,
        });
        continue;
      }
      const j = columns.findIndex((c) => c.f === f && c.level === level);
      const coefficient = fit.coefficients[j];
      const b = coefficient?.estimate ?? null;
      const se = coefficient?.standardError ?? null;
      const unadjusted = oddsRatioTest(mine, reference);
      const adjusted =
        b === null || coefficient?.pValue == null
          ? null
          : { oddsRatio: Math.exp(b), pValue: coefficient.pValue };
      if (coefficient && coefficient.status !== "estimated") {
        const none = mine.successes === 0;
        const [en, ru] = (["en", "ru"] as const).map((lang) =>
          dimensionLabel(factor.dimension, lang),
        );
        const texts =
          coefficient.status === "separated"
            ? {
                en: `Adjusted effects: every customer whose first order had ${en} ${level} ${none ? "did not return" : "returned"} within ${days} days, so it has no odds ratio and its ${mine.trials} customers are left out of the model.`,
                ru: `Скорректированные эффекты: все покупатели с первым заказом «${level}» (${ru}) ${none ? "не вернулись" : "вернулись"} в течение ${days} дней, поэтому отношения шансов у значения нет, а его ${mine.trials} покупателей не вошли в модель.`,
              }
            : coefficient.status === "collinear"
              ? {
                  en: `Adjusted effects: ${en} ${level} is fully determined by the attributes before it (for example a city that is all of a region), so it has no odds ratio of its own.`,
                  ru: `Скорректированные эффекты: значение «${level}» (${ru}) полностью определяется предыдущими атрибутами (например, город, в котором все покупатели региона), поэтому собственного отношения шансов у него нет.`,
                }
              : {
                  en: `Adjusted effects: ${en} ${level} is left with no customers, so it has no odds ratio of its own.`,
                  ru: `Скорректированные эффекты: у значения «${level}» (${ru}) не осталось покупателей, поэтому отношения шансов у него нет.`,
                };
        notes.push({ code: `adjusted_${coefficient.status}`, text: texts.en, texts });
      }
      values.push({
        dimension: factor.dimension,
        value: level,
        users: mine.trials,
        reference: false,
        status: coefficient?.status ?? "empty",
        odds_ratio: b === null ? null : Math.exp(b),
        ci_low: b === null || se === null ? null : finiteOrNull(Math.exp(b - Z * se)),
        ci_high: b === null || se === null ? null : finiteOrNull(Math.exp(b + Z * se)),
        p_value: coefficient?.pValue ?? null,
        unadjusted_odds_ratio: unadjusted ? unadjusted.oddsRatio : null,
        unadjusted_p_value: unadjusted ? unadjusted.pValue : null,
        confounded: confounded(
          adjusted,
          unadjusted && { oddsRatio: unadjusted.oddsRatio, pValue: unadjusted.pValue },
        ),
      });
    }
  });

  const drops = factors.map((_, f) => columns.flatMap((c, j) => (c.f === f ? [j] : [])));
  const tests = logisticLikelihoodRatios(design, fit, drops);
  const q = benjaminiHochberg(tests.map((t) => t?.pValue ?? Number.NaN));
  return {
    outcome_days: days,
    values,
    dimensions: factors.map((factor, f) => ({
      dimension: factor.dimension,
      reference: factor.reference,
      lr_chi2: tests[f]?.chi2 ?? null,
      df: tests[f]?.df ?? 0,
      p_value: tests[f]?.pValue ?? null,
      q_value: finiteOrNull(q[f] ?? Number.NaN),
    })),
    fit: {
      n: fit.n,
      patterns: patterns.length,
      log_likelihood: fit.logLikelihood,
      null_log_likelihood: fit.nullLogLikelihood,
      mcfadden_r2: fit.mcfaddenR2,
      auc: fit.auc,
      converged: fit.converged,
    },
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
