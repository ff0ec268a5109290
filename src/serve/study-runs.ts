import type { AnalysisResults } from "../analysis/results.js";
import { isEveryone, type Study } from "../analysis/study.js";
import { LruCache } from "./lru-cache.js";
import type { RequestQuery } from "./request-query.js";

/** Why a run was stopped before it finished. */
export const SUPERSEDED = "superseded";

/**
 * The study's results per filter: identical requests share one run (kept in an LRU cache),
 * and a request for a new filter stops the run it supersedes, if that one is still going.
 * The run for every customer, the page's first view and the costliest to compute again, is
 * kept apart from the cache: however many filters come after it, going back costs nothing.
 */
export class StudyRuns {
  private readonly cache: LruCache<Promise<AnalysisResults>>;
  private everyone: Promise<AnalysisResults> | null = null;
  private current: { key: string; controller: AbortController } | null = null;
  /** How many runs were started: what the cache saved shows here. */
  started = 0;

  constructor(
    private readonly study: Study,
    size = 32,
  ) {
    this.cache = new LruCache(size);
  }

  results(query: RequestQuery): Promise<AnalysisResults> {
    const all = isEveryone(query.filter);
    const hit = all ? this.everyone : this.cache.get(query.key);
    if (hit) return hit;
    this.cancel(SUPERSEDED);
    const controller = new AbortController();
    this.started++;
    const run = this.study.run({ filter: query.filter, signal: controller.signal });
    const entry = run.catch((error: unknown) => {
      // A failed or stopped run is not remembered: asking again runs it again.
      if (this.everyone === entry) this.everyone = null;
      this.cache.delete(query.key, entry);
      throw error;
    });
    entry
      .finally(() => {
        if (this.current?.controller === controller) this.current = null;
      })
      .catch(() => undefined);
    this.current = { key: query.key, controller };
    if (all) this.everyone = entry;
    else this.cache.set(query.key, entry);
    return entry;
  }

  /** Stops the run in progress; true when there was one. */
  cancel(reason: string): boolean {
    const running = this.current;
    if (!running) return false;
    this.current = null;
    running.controller.abort(reason);
    return true;
  }
}
