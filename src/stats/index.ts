export { benjaminiHochberg } from "./benjamini-hochberg.js";
export { bivariateNormalCdf } from "./bivariate-normal.js";
export { type ChiSquareTest, chiSquareIndependence, chiSquareSf } from "./chi-square.js";
export { cholesky, choleskyInverseDiagonal, choleskySolve } from "./cholesky.js";
export { cochranArmitage, type TrendGroup, type TrendTest } from "./cochran-armitage.js";
export { erf, erfc, erfcx } from "./erf.js";
export { lnGamma, regularizedGammaP, regularizedGammaQ } from "./gamma.js";
export { groupedAuc, type ScoredGroup } from "./grouped-auc.js";
export {
  kaplanMeier,
  type SurvivalCounts,
  type SurvivalPoint,
  survivalAt,
} from "./kaplan-meier.js";
export {
  type LikelihoodRatioTest,
  logisticLikelihoodRatio,
  logisticLikelihoodRatios,
} from "./logistic-likelihood-ratio.js";
export {
  type CoefficientStatus,
  fitLogisticRegression,
  type LogisticCoefficient,
  type LogisticRegression,
} from "./logistic-regression.js";
export type { CovariatePattern } from "./logistic-rows.js";
export {
  type MannWhitneyResult,
  mannWhitneyFromRankSum,
  mannWhitneyU,
  mannWhitneyUFromTies,
  type RankSums,
  type TieGroup,
} from "./mann-whitney.js";
export { normalCdf, normalQuantile, normalSf } from "./normal.js";
export {
  confounded,
  type Effect,
  type OddsRatioTest,
  oddsRatioTest,
  type Proportion,
} from "./odds-ratio.js";
export { type PhikOptions, phikFromTable } from "./phik.js";
export { phikBin, phikBinEdges } from "./phik-binning.js";
export { phikChi2 } from "./phik-chi2.js";
export { phikFromChi2 } from "./phik-from-chi2.js";
export { type PhikColumn, type PhikMatrix, phikMatrix } from "./phik-matrix.js";
export { type PhikReferenceGrid, phikReferenceGrid } from "./phik-reference-grid.js";
export { type PhikLevel, type PhikTable, phikTable } from "./phik-table.js";
export {
  quantileFromCounts,
  quantileLinear,
  quantileLinearFromCounts,
  type ValueCount,
} from "./quantile.js";
export { averageRanks } from "./ranks.js";
export { spearmanRho } from "./spearman.js";
export { twoProportionZTest, type ZTest } from "./two-proportion-z.js";
export { type Interval, wilsonInterval } from "./wilson.js";
