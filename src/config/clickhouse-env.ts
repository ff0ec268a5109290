import { configError } from "../errors.js";
import { readEnvFile } from "./connection-env.js";

/** How to reach ClickHouse: a server over HTTP(S), or the embedded engine on a directory. */
export type ClickHouseConnection =
  | {
      readonly kind: "http";
      /** http(s)://host:port, without credentials or database. */
      readonly url: string;
      readonly user?: string;
      readonly password?: string;
      readonly database?: string;
    }
  | { readonly kind: "chdb"; readonly dir: string };

const VARIABLES = [
  "CLICKHOUSE_HOST",
  "CLICKHOUSE_PORT",
  "CLICKHOUSE_USER",
  "CLICKHOUSE_PASSWORD",
  "CLICKHOUSE_DATABASE",
] as const;

/** Parses CLICKHOUSE_URL: `chdb:DIR`, or http(s)://[user[:password]@]host[:port][/database]. */
export function parseClickHouseUrl(text: string): ClickHouseConnection {
  if (text.startsWith("chdb:")) {
    const dir = text.slice("chdb:".length);
    if (!dir) throw configError("CLICKHOUSE_URL chdb: names no directory", "Write chdb:DIR");
    return { kind: "chdb", dir };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    url = new URL("invalid:");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    // The text may hold a password: name only its scheme.
    throw configError(
      `CLICKHOUSE_URL is neither an http(s) URL nor chdb:DIR (it starts with ${JSON.stringify(text.split(":")[0]?.slice(0, 12) ?? "")})`,
      "Write http://user:password@host:8123/database, or chdb:DIR for the embedded engine",
    );
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  return {
    kind: "http",
    url: `${url.protocol}//${url.host}`,
    ...(user ? { user } : {}),
    ...(password ? { password } : {}),
    ...(database ? { database } : {}),
  };
}

/**
 * The ClickHouse connection from CLICKHOUSE_URL or CLICKHOUSE_HOST, _PORT, _USER, _PASSWORD,
 * _DATABASE, from the environment or, for those it does not set, a .env file. The URL wins.
 */
export async function clickhouseFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  envFile: string | null,
): Promise<ClickHouseConnection> {
  const fromFile = envFile ? await readEnvFile(envFile) : {};
  const get = (name: string): string | undefined => {
    const value = env[name] ?? fromFile[name];
    return value === undefined || value === "" ? undefined : value;
  };
  const url = get("CLICKHOUSE_URL");
  if (url) return parseClickHouseUrl(url);
  if (!VARIABLES.some((v) => get(v) !== undefined)) {
    throw configError(
      "no ClickHouse connection is configured",
      "Set CLICKHOUSE_URL (http://host:8123, or chdb:DIR for the embedded engine) or CLICKHOUSE_HOST, CLICKHOUSE_PORT, CLICKHOUSE_USER, CLICKHOUSE_PASSWORD, CLICKHOUSE_DATABASE, in the environment or in a .env file",
    );
  }
  const port = get("CLICKHOUSE_PORT") ?? "8123";
  if (!/^\d{1,5}$/.test(port)) {
    throw configError(
      `CLICKHOUSE_PORT is not a port number: ${port}`,
      "Set CLICKHOUSE_PORT to a number such as 8123",
    );
  }
  const host = get("CLICKHOUSE_HOST") ?? "localhost";
  const [user, password, database] = [
    get("CLICKHOUSE_USER"),
    get("CLICKHOUSE_PASSWORD"),
    get("CLICKHOUSE_DATABASE"),
  ];
  return {
    kind: "http",
    // 8443 is ClickHouse's HTTPS port; anything else is plain HTTP.
    url: `${port === "8443" ? "https" : "http"}://${host.includes(":") ? `[${host}]` : host}:${port}`,
    ...(user ? { user } : {}),
    ...(password ? { password } : {}),
    ...(database ? { database } : {}),
  };
}

/** Where a connection goes, for messages: never the password. */
export function describeClickHouse(connection: ClickHouseConnection): string {
  if (connection.kind === "chdb") return `the embedded ClickHouse in ${connection.dir}`;
  return `${connection.url}${connection.database ? `/${connection.database}` : ""}`;
}
