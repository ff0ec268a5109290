import { normalSf } from "./normal.js";

/** Two-sided Mann–Whitney U test; `u1` is the statistic of the first sample. */
export interface MannWhitneyResult {
  u1: number;
  u2: number;
  /** Continuity-corrected normal deviate; positive when the first sample tends to be larger. */
  z: number;
  pValue: number;
  n1: number;
  n2: number;
}

/** How many values of each sample equal one distinct value. */
export interface TieGroup {
  n1: number;
  n2: number;
}

/**
 * Two-sided Mann–Whitney U test from the samples aggregated by distinct value:
 * `groups` in ascending order of value, each with the count from each sample.
 * Normal approximation with tie and continuity corrections, exactly as
 * `scipy.stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic")`:
 * z = sign(U1 − n1n2/2)·(|U1 − n1n2/2| − ½)/σ, p = min(1, 2·normalSf(|z|)).
 * An empty sample gives NaN for z and p (scipy raises); when every value is
 * tied σ = 0 and U1 = n1n2/2, so z = 0 and p = 1 (scipy also returns p = 1).
 */
export function mannWhitneyUFromTies(groups: readonly TieGroup[]): MannWhitneyResult {
  let n1 = 0;
  let n2 = 0;
  let rankSum1 = 0;
  let tieTerm = 0;
  for (const group of groups) {
    const t = group.n1 + group.n2;
    // The group holds ranks n1+n2+1 .. n1+n2+t, whose mean is n1+n2+(t+1)/2.
    rankSum1 += group.n1 * (n1 + n2 + (t + 1) / 2);
    tieTerm += (t - 1) * t * (t + 1);
    n1 += group.n1;
    n2 += group.n2;
  }
  return mannWhitneyFromRankSum({ n1, n2, rankSum1, tieTerm });
}

/** The sufficient statistics of the Mann–Whitney test, as a database can sum them. */
export interface RankSums {
  n1: number;
  n2: number;
  /** The sum of the first sample's average (mid-) ranks in the pooled sample. */
  rankSum1: number;
  /** Σ (t − 1)·t·(t + 1) over the tie groups. */
  tieTerm: number;
}

/** The same test as `mannWhitneyUFromTies`, from rank sums computed elsewhere (e.g. in SQL). */
export function mannWhitneyFromRankSum({ n1, n2, rankSum1, tieTerm }: RankSums): MannWhitneyResult {
  const u1 = rankSum1 - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  if (n1 === 0 || n2 === 0) return { u1, u2, z: Number.NaN, pValue: Number.NaN, n1, n2 };
  const n = n1 + n2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const deviation = u1 - (n1 * n2) / 2;
  const z =
    deviation === 0 || !(sigma > 0)
      ? 0
      : (Math.sign(deviation) * (Math.abs(deviation) - 0.5)) / sigma;
  return { u1, u2, z, pValue: Math.min(1, 2 * normalSf(Math.abs(z))), n1, n2 };
}

/**
 * Two-sided Mann–Whitney U test of two raw samples, as `mannWhitneyUFromTies`
 * after sorting and counting the distinct values. A NaN anywhere makes z and p
 * NaN (scipy's default `nan_policy="propagate"`).
 */
export function mannWhitneyU(x: ArrayLike<number>, y: ArrayLike<number>): MannWhitneyResult {
  const tagged = [
    ...Array.from(x, (value) => ({ value, first: true })),
    ...Array.from(y, (value) => ({ value, first: false })),
  ];
  if (tagged.some((entry) => Number.isNaN(entry.value))) {
    const [n1, n2] = [x.length, y.length];
    return { u1: Number.NaN, u2: Number.NaN, z: Number.NaN, pValue: Number.NaN, n1, n2 };
  }
  tagged.sort((a, b) => a.value - b.value);
  const groups: TieGroup[] = [];
  let previous = Number.NaN;
  for (const entry of tagged) {
    if (entry.value !== previous || groups.length === 0) groups.push({ n1: 0, n2: 0 });
    const group = groups[groups.length - 1] as TieGroup;
    if (entry.first) group.n1++;
    else group.n2++;
    previous = entry.value;
  }
  return mannWhitneyUFromTies(groups);
}
