import { existsSync } from "node:fs";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";
import { tempDir } from "./helpers.js";

/** Debian's Chromium: the browser tests drive it headless through playwright-core. */
export const CHROMIUM = "/usr/bin/chromium";

/** Whether the browser tests can run; in CI a missing browser is an error, elsewhere a skip. */
export function chromiumAvailable(what: string): boolean {
  const available = existsSync(CHROMIUM);
  if (!available) {
    if (process.env.CI === "true")
      throw new Error(`${CHROMIUM} is missing: ${what} needs it in CI`);
    console.warn(`SKIPPING ${what}: ${CHROMIUM} is missing`);
  }
  return available;
}

/** A headless Chromium with a fresh profile, offline services off. */
export async function launchChromium(viewport: {
  width: number;
  height: number;
}): Promise<BrowserContext> {
  const dir = await tempDir("encore-browser-");
  // A persistent context is how Playwright takes a fresh user-data dir of our choosing.
  return chromium.launchPersistentContext(join(dir, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
