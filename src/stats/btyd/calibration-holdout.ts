import type { NumericArray } from "./btyd-data.js";

/** Subjects with one calibration-period count (or `last` and more), and their holdout events. */
export interface FrequencyBin {
  /** "0", "1", …, or "7+" for the last bin. */
  label: string;
  subjects: number;
  actual: number;
  predicted: number;
  actualMean: number;
  predictedMean: number;
}

/** `holdoutByFrequency`'s table: the non-empty bins in order, and all subjects together. */
export interface HoldoutByFrequency {
  bins: FrequencyBin[];
  total: FrequencyBin;
}

/**
 * Actual against predicted holdout-period events, by the number of repeat events
 * in the calibration period (Fader, Hardie & Lee 2005, figure 4): bins 0, 1, …,
 * last − 1 and "last+", each with its sums and per-subject means; then the total
 * (whose means are NaN when there are no subjects at all).
 */
export function holdoutByFrequency(
  calibrationCounts: NumericArray,
  predicted: NumericArray,
  actual: NumericArray,
  last = 7,
): HoldoutByFrequency {
  if (predicted.length !== calibrationCounts.length || actual.length !== calibrationCounts.length) {
    throw new RangeError(
      "invalid data: calibrationCounts, predicted and actual must have the same length",
    );
  }
  const sums = Array.from({ length: last + 1 }, () => ({ subjects: 0, actual: 0, predicted: 0 }));
  const total = { subjects: 0, actual: 0, predicted: 0 };
  for (let i = 0; i < calibrationCounts.length; i++) {
    const x = calibrationCounts[i] ?? Number.NaN;
    if (!(Number.isInteger(x) && x >= 0)) {
      throw new RangeError(`invalid calibrationCounts[${i}]: ${x}; expected an integer ≥ 0`);
    }
    const [p, a] = [predicted[i] ?? Number.NaN, actual[i] ?? Number.NaN];
    if (!Number.isFinite(p))
      throw new RangeError(`invalid predicted[${i}]: ${p}; expected a finite number`);
    if (!Number.isFinite(a))
      throw new RangeError(`invalid actual[${i}]: ${a}; expected a finite number`);
    for (const sum of [sums[Math.min(x, last)], total]) {
      if (!sum) continue;
      sum.subjects += 1;
      sum.actual += a;
      sum.predicted += p;
    }
  }
  const bins = sums.flatMap((sum, x) =>
    sum.subjects > 0 ? [bin(x === last ? `${x}+` : `${x}`, sum)] : [],
  );
  return { bins, total: bin("total", total) };
}

function bin(
  label: string,
  { subjects, actual, predicted }: { subjects: number; actual: number; predicted: number },
) {
  return {
    label,
    subjects,
    actual,
    predicted,
    actualMean: actual / subjects,
    predictedMean: predicted / subjects,
  };
}
