import type { en } from "./en.js";

/** Every user-visible string of the report; each language provides all of them. */
export type Messages = typeof en;

/** A count and its formatted text: Russian needs the number to pick the plural form. */
export interface Counted {
  n: number;
  text: string;
}
