import { type CurrencyWords, currencyWords } from "../../model/currencies.js";
import type { StudyResults } from "./study-results.js";

/** The currency the results' amounts are in; roubles for results written before it was stated. */
export function currencyOf(results: Pick<StudyResults, "currency">): CurrencyWords {
  return currencyWords(results.currency?.code);
}
