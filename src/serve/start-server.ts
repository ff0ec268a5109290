import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Study } from "../analysis/study.js";
import { usageError } from "../errors.js";
import { serveApp } from "./serve-app.js";

export interface ServerOptions {
  /** The address to listen on; 127.0.0.1 unless told otherwise. */
  readonly host?: string;
  /** 0 (the default): a free port. */
  readonly port?: number;
  readonly onError?: (error: unknown) => void;
}

export interface RunningServer {
  readonly url: string;
  /** Stops taking requests and ends the open connections. */
  close(): Promise<void>;
}

/** Is the address only reachable from this machine? */
export const isLoopback = (host: string): boolean =>
  host === "localhost" || host === "::1" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);

/** Serves the study's page on host:port; resolves once it listens. */
export function startServer(study: Study, options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    let hosts: string[] | undefined;
    const app = serveApp(study, {
      ...(options.onError ? { onError: options.onError } : {}),
      get hosts() {
        return hosts;
      },
    });
    const server = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 0 });
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE" || error.code === "EACCES" || error.code === "EADDRNOTAVAIL"
          ? usageError(
              `cannot listen on ${host}:${options.port ?? 0}: ${error.code}`,
              "Give another --port or --host",
            )
          : error,
      );
    });
    server.once("listening", () => {
      const { port } = server.address() as AddressInfo;
      const shown = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
      // Only this server's own names are answered, so that no other site can reach it through
      // a name of its own pointed at this machine (DNS rebinding).
      if (isLoopback(host)) hosts = [`${shown}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`];
      resolve({
        url: `http://${shown}:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ("closeAllConnections" in server) server.closeAllConnections();
          }),
      });
    });
  });
}
