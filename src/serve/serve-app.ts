import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Context } from "hono";
import { Hono } from "hono";
import type { Study } from "../analysis/study.js";
import { EncoreError, isCancelled } from "../errors.js";
import { DIMENSIONS } from "../model/columns.js";
import { LIST_NAMES } from "../model/customer-lists.js";
import { reportParts } from "../report/render-report.js";
import { dimensionLabel } from "../text/labels.js";
import { LruCache } from "./lru-cache.js";
import { PAGE_CSS, PAGE_JS, pageHtml } from "./page.js";
import { BadRequest, parseGroup, parseListName, parseQuery } from "./request-query.js";
import { StudyRuns } from "./study-runs.js";

export interface ServeAppOptions {
  /** The Host headers the server answers (its own address), against DNS rebinding; any if unset. */
  readonly hosts?: readonly string[];
  /** Results kept per filter. */
  readonly cacheSize?: number;
  /** Told of every error that is not the request's fault (the CLI prints it on stderr). */
  readonly onError?: (error: unknown) => void;
}

const API_HEADERS = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/** The page's policy: nothing but this server, no inline script. */
const PAGE_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The server of `encore serve` as a request handler over web-standard Request and Response:
 * the page, the options a filter can take, the results and the report's sections for a
 * filter, and the customer lists for it. Only GET reads; anything else must come from the
 * page itself.
 */
export function serveApp(study: Study, options: ServeAppOptions = {}) {
  const runs = new StudyRuns(study, options.cacheSize);
  const reports = new LruCache<string>(options.cacheSize ?? 32);
  const app = new Hono();

  app.use("*", async (c, next) => {
    // The URL's host is the request's Host header (as the Node adapter builds it).
    const host = new URL(c.req.url).host.toLowerCase();
    // Read on each request: a server learns its port only once it listens.
    const hosts = options.hosts;
    if (hosts && !hosts.includes(host)) {
      return c.json({ error: `this server does not answer for ${clip(host)}` }, 403);
    }
    if (c.req.method !== "GET" && c.req.method !== "HEAD" && !sameOrigin(c.req.raw)) {
      return c.json({ error: "only the page itself may change anything here" }, 403);
    }
    await next();
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
  });

  app.get("/", (c) =>
    c.html(pageHtml(), 200, {
      "Content-Security-Policy": PAGE_POLICY,
      "Cache-Control": "no-store",
    }),
  );
  app.get("/page.js", (c) =>
    c.body(PAGE_JS, 200, { "Content-Type": "text/javascript; charset=utf-8" }),
  );
  app.get("/page.css", (c) => c.body(PAGE_CSS, 200, { "Content-Type": "text/css; charset=utf-8" }));

  app.get("/api/options", async (c) => {
    const choices = await study.options();
    const labels = Object.fromEntries(
      Object.keys(choices.dimensions).map((column) => {
        const first = DIMENSIONS[column as keyof typeof DIMENSIONS];
        return [
          column,
          { first, en: dimensionLabel(first, "en"), ru: dimensionLabel(first, "ru") },
        ];
      }),
    );
    return c.json({ ...choices, labels, lists: LIST_NAMES }, 200, API_HEADERS);
  });

  app.get("/api/results", async (c) => {
    const query = parseQuery(searchOf(c));
    return c.json(await runs.results(query), 200, API_HEADERS);
  });

  app.get("/api/report", async (c) => {
    const query = parseQuery(searchOf(c));
    const key = `${query.key}|${query.lang}`;
    let html = reports.get(key);
    if (html === undefined) {
      const parts = reportParts(await runs.results(query), query.lang);
      html = `${parts.header}\n${parts.body}\n${parts.footer}`;
      reports.set(key, html);
    }
    return c.html(html, 200, API_HEADERS);
  });

  app.get("/api/lists/:file", async (c) => {
    const file = c.req.param("file");
    if (!file.endsWith(".csv")) throw new BadRequest("ask for a list as NAME.csv");
    const name = parseListName(file.slice(0, -4));
    const query = parseQuery(searchOf(c));
    const { list, csv } = await throughFile((path) =>
      study.writeList(name, path, { filter: query.filter }),
    );
    if (list === null) {
      return c.json(
        {
          error: `the list ${name} cannot be made: it needs the prediction models (P(alive)) or a repeat window`,
        },
        404,
        API_HEADERS,
      );
    }
    return csvResponse(c, `${name}.csv`, csv);
  });

  app.get("/api/customers.csv", async (c) => {
    const query = parseQuery(searchOf(c), ["group_dimension", "group_value", "group_cohort"]);
    const group = parseGroup(query.rest);
    const { csv } = await throughFile((path) =>
      study.writeGroup(group, path, { filter: query.filter }),
    );
    const name =
      "cohort" in group
        ? `customers-cohort-${group.cohort}.csv`
        : `customers-${group.dimension}.csv`;
    return csvResponse(c, name, csv);
  });

  app.post("/api/cancel", (c) => c.json({ cancelled: runs.cancel("cancelled") }, 200, API_HEADERS));

  app.notFound((c) => c.json({ error: `not found: ${c.req.method} ${clip(c.req.path)}` }, 404));

  app.onError((error, c) => {
    if (error instanceof BadRequest) return c.json({ error: error.message }, 400, API_HEADERS);
    if (isCancelled(error)) {
      return c.json({ error: "stopped: a newer request took its place" }, 409, API_HEADERS);
    }
    if (error instanceof EncoreError && ["usage", "config", "input"].includes(error.code)) {
      return c.json({ error: error.message }, 400, API_HEADERS);
    }
    options.onError?.(error);
    return c.json({ error: "the server failed to answer; see its terminal" }, 500, API_HEADERS);
  });

  return Object.assign(app, { runs });
}

/** The request's query string. */
const searchOf = (c: Context): URLSearchParams => new URL(c.req.url).searchParams;

/**
 * Is the request from the page itself? Browsers say where it comes from (Sec-Fetch-Site, and
 * Origin on every POST); a request that says neither is refused.
 */
export function sameOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin";
  const origin = request.headers.get("origin");
  return origin !== null && origin === new URL(request.url).origin;
}

/** Writes through a file of a temporary directory and reads it back, the directory removed. */
async function throughFile<T>(
  write: (path: string) => Promise<T>,
): Promise<{ list: T; csv: Buffer }> {
  const dir = await mkdtemp(join(tmpdir(), "encore-serve-"));
  try {
    const path = join(dir, "rows.csv");
    const list = await write(path);
    const csv = list === null ? Buffer.alloc(0) : await readFile(path);
    return { list, csv };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function csvResponse(c: Context, name: string, csv: Buffer): Response {
  return c.body(new Uint8Array(csv), 200, {
    ...API_HEADERS,
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${name.replace(/[^\w.-]/g, "_")}"`,
  });
}

const clip = (text: string): string => (text.length > 80 ? `${text.slice(0, 80)}…` : text);
