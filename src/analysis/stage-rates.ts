import type { AnalysisConfig } from "../config/config.js";
import type { Engine } from "../engine/engine.js";
import { describeSource, sourceName, stageSource } from "../engine/stage-source.js";
import { inputError } from "../errors.js";
import {
  conflictingRateDatesSql,
  emptyRatesSql,
  RATE_COLUMNS,
  type RateProblem,
  rateProblemsSql,
  ratesSql,
} from "../queries/rates.js";
import { ROW_COLUMN, TABLES } from "../queries/tables.js";
import { rateNotes } from "./rate-notes.js";
import type { Note, RatesSummary } from "./results.js";

/**
 * Reads the rates into the usable-rates table (§1, §11.5) and says what was ignored and why;
 * null without a rates source (the table is then empty).
 */
export async function stageRates(
  engine: Engine,
  config: AnalysisConfig,
): Promise<{ summary: RatesSummary; notes: Note[] } | null> {
  if (!config.rates) {
    await engine.createTable(TABLES.rates, emptyRatesSql(engine.dialect));
    return null;
  }
  const columns = await describeSource(engine, config.rates, "rates");
  const missing = RATE_COLUMNS.filter((c) => !columns.some((s) => s.name === c));
  if (missing.length) {
    throw inputError(
      `the rates ${config.rates.kind} ${sourceName(config.rates)} has no column ${missing.join(", ")}`,
      "Give rates with the columns date,currency_code,nominal,rate",
    );
  }
  const staged = await stageSource(
    engine,
    config.rates,
    columns,
    TABLES.ratesRaw,
    ROW_COLUMN,
    "rates",
  );
  const d = engine.dialect;
  await engine.createTable(TABLES.rates, ratesSql(d));
  const counts = (await engine.all(rateProblemsSql(d))).map((r) => ({
    currency_code: r.currency_code === null ? null : String(r.currency_code),
    problem: r.problem === null ? null : (String(r.problem) as RateProblem),
    n: Number(r.n),
  }));
  const conflicts = (await engine.all(conflictingRateDatesSql(d))).map((r) => ({
    currency_code: String(r.currency_code),
    date: String(r.date),
  }));
  await engine.drop(TABLES.ratesRaw, staged.kind);
  const result = rateNotes(counts, conflicts);
  if (result.summary.rows_read !== staged.rows) {
    throw new Error(`rate rows do not add up: ${JSON.stringify(result.summary)} of ${staged.rows}`);
  }
  return result;
}
