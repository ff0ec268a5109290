export {
  type BgNbdParams,
  bgNbdConditionalExpected,
  bgNbdExpected,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  bgNbdTotalLogLikelihood,
  fitBgNbd,
} from "./bg-nbd.js";
export { type BtydData, checkBtydData, type NumericArray } from "./btyd-data.js";
export type { BtydFit, BtydFitOptions } from "./btyd-fit.js";
export { compressBtydData } from "./compress-btyd-data.js";
export { digamma } from "./digamma.js";
export {
  fitGammaGamma,
  type GammaGammaData,
  type GammaGammaParams,
  gammaGammaConditionalMean,
  gammaGammaLogLikelihood,
} from "./gamma-gamma.js";
export { type HessianOptions, numericHessian } from "./hessian.js";
export { hyp2f1, hyp2f1Log } from "./hyp2f1.js";
export { type LifetimeValueOptions, lifetimeValue } from "./lifetime-value.js";
export {
  type MaximumLikelihoodFit,
  maximumLikelihood,
  type NegLogLik,
} from "./maximum-likelihood.js";
export {
  fitMbgNbd,
  type MbgNbdParams,
  mbgNbdConditionalExpected,
  mbgNbdExpected,
  mbgNbdExpectedIfAlive,
  mbgNbdLogLikelihood,
  mbgNbdProbabilityAlive,
  mbgNbdTotalLogLikelihood,
} from "./mbg-nbd.js";
export { type MinimizeOptions, type MinimizeResult, minimizeBfgs } from "./minimize-bfgs.js";
export { type SignedLog, signedLogValue } from "./signed-log.js";
export { standardErrors } from "./standard-errors.js";
