/** The languages Encore writes in: the findings, the notes, the report and the summary. */
export type Lang = "en" | "ru";

export const LANGS: readonly Lang[] = ["en", "ru"];

/** The locale whose separators and names each language's numbers, dates and lists take. */
export const LOCALE: Record<Lang, string> = { en: "en-GB", ru: "ru-RU" };
