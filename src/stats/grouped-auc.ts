/** Units that share one score: how many of them are positive and how many negative. */
export interface ScoredGroup {
  score: number;
  positives: number;
  negatives: number;
}

/**
 * The area under the ROC curve of a score, from units grouped by score: the chance that
 * a random positive scores above a random negative, ties counting one half — the
 * Mann–Whitney U of the positives over P·N, as `sklearn.metrics.roc_auc_score` gives on
 * the units one by one. Scores tie only when exactly equal. NaN without a positive or
 * a negative.
 */
export function groupedAuc(groups: readonly ScoredGroup[]): number {
  const sorted = [...groups].sort((a, b) => a.score - b.score);
  let positives = 0;
  let negatives = 0;
  let wins = 0;
  for (let i = 0; i < sorted.length; ) {
    const score = sorted[i]?.score;
    let tiedPositives = 0;
    let tiedNegatives = 0;
    for (; i < sorted.length && sorted[i]?.score === score; i++) {
      tiedPositives += sorted[i]?.positives ?? 0;
      tiedNegatives += sorted[i]?.negatives ?? 0;
    }
    wins += tiedPositives * (negatives + tiedNegatives / 2);
    positives += tiedPositives;
    negatives += tiedNegatives;
  }
  return positives > 0 && negatives > 0 ? wins / (positives * negatives) : Number.NaN;
}
