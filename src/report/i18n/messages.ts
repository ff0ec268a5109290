import type { en } from "./en.js";

/** Every user-visible string of the report; each language provides all of them. */
export type Messages = typeof en;
