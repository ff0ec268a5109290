import type { Statement } from "../results.js";

/** Builds a statement; its `text` is the English one. */
export function statement(
  id: string,
  texts: { en: string; ru: string },
  figures: Statement["figures"],
): Statement {
  return { id, text: texts.en, texts, figures };
}
