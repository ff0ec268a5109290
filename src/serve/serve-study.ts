import { inputFiles, openConfigured } from "../analysis/run-analysis.js";
import { configFilter, type StudyFilter } from "../analysis/study.js";
import type { AnalysisConfig } from "../config/config.js";
import { checkReadableFile } from "../io/check-file.js";
import { isLoopback, startServer } from "./start-server.js";

export interface ServeOptions {
  readonly host?: string;
  readonly port?: number;
  /** The page's language to start with. */
  readonly lang?: "en" | "ru";
  readonly onProgress?: (step: string) => void;
  readonly onWarning?: (text: string) => void;
  /** An error the server could not answer for (printed by the CLI on stderr). */
  readonly onError?: (error: unknown) => void;
  /** Aborting it while the study opens cancels the opening. */
  readonly signal?: AbortSignal;
}

export interface ServedStudy {
  /** The page, with the config's filter and language in its address. */
  readonly url: string;
  /** Stops the server, then closes the study and its engine. */
  close(): Promise<void>;
}

/** Opens the config's study once and serves its page until closed. */
export async function serveStudy(
  config: AnalysisConfig,
  options: ServeOptions = {},
): Promise<ServedStudy> {
  for (const input of inputFiles(config)) await checkReadableFile(input.path, input.what);
  const host = options.host ?? "127.0.0.1";
  if (!isLoopback(host)) {
    options.onWarning?.(
      `listening on ${host}: other machines on the network can read these customers' figures and lists`,
    );
  }
  const { study, close: closeStudy } = await openConfigured(config, {
    keepRejects: false,
    forFilters: true,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  try {
    const server = await startServer(study, {
      host,
      ...(options.port === undefined ? {} : { port: options.port }),
      ...(options.onError ? { onError: options.onError } : {}),
    });
    const query = filterQuery(configFilter(config), options.lang ?? "en");
    return {
      url: query ? `${server.url}?${query}` : server.url,
      close: async () => {
        await server.close();
        await closeStudy();
      },
    };
  } catch (error) {
    await closeStudy();
    throw error;
  }
}

/** A filter as the page's query string. */
export function filterQuery(filter: StudyFilter, lang: "en" | "ru"): string {
  const q = new URLSearchParams();
  if (filter.from) q.set("from", filter.from);
  if (filter.to) q.set("to", filter.to);
  for (const [column, values] of Object.entries(filter.where)) {
    for (const value of values ?? []) q.append(column, value);
  }
  if (filter.segment) q.set("segment", filter.segment);
  if (lang !== "en") q.set("lang", lang);
  return q.toString();
}
