import { readFile } from "node:fs/promises";
import { parseEnv } from "node:util";
import { configError } from "../errors.js";

/** How to reach a PostgreSQL server, as `pg` takes it. */
export interface ConnectionSettings {
  readonly connectionString?: string;
  readonly host?: string;
  readonly port?: number;
  readonly user?: string;
  readonly password?: string;
  readonly database?: string;
}

const PG_VARIABLES = ["PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE"] as const;

/**
 * The connection from DATABASE_URL or the standard PG* variables, taken from the environment
 * or, for those the environment does not set, from a .env file (parsed by Node's own
 * `util.parseEnv`; quote a value that contains `#`). DATABASE_URL wins over PG*. The values
 * are never printed: use `describeConnection` for messages.
 */
export async function connectionFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  envFile: string | null,
): Promise<ConnectionSettings> {
  const fromFile = envFile ? await readEnvFile(envFile) : {};
  const get = (name: string): string | undefined => {
    const value = env[name] ?? fromFile[name];
    return value === undefined || value === "" ? undefined : value;
  };
  const url = get("DATABASE_URL");
  if (url) {
    const problem = urlProblem(url);
    if (problem) {
      throw configError(
        `DATABASE_URL is malformed: ${problem}`,
        "Percent-encode them in the user name and password: # as %23, / as %2F, ? as %3F, @ as %40",
      );
    }
    return { connectionString: url };
  }
  if (!PG_VARIABLES.some((v) => get(v) !== undefined)) {
    throw configError(
      "no database connection is configured",
      "Set DATABASE_URL (or PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE) in the environment or in a .env file",
    );
  }
  const port = get("PGPORT");
  if (port !== undefined && !/^\d{1,5}$/.test(port)) {
    throw configError(
      `PGPORT is not a port number: ${port}`,
      "Set PGPORT to a number such as 5432",
    );
  }
  return {
    ...(get("PGHOST") ? { host: get("PGHOST") } : {}),
    ...(port ? { port: Number(port) } : {}),
    ...(get("PGUSER") ? { user: get("PGUSER") } : {}),
    ...(get("PGPASSWORD") ? { password: get("PGPASSWORD") } : {}),
    ...(get("PGDATABASE") ? { database: get("PGDATABASE") } : {}),
  };
}

/** Reads a .env file; a missing one is no error (the environment may have everything). */
export async function readEnvFile(path: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw configError(
      `cannot read ${path} (${(error as NodeJS.ErrnoException).code})`,
      "Check its permissions",
    );
  }
  return parseEnv(text) as Record<string, string>;
}

/**
 * What is wrong with a connection URL, or null. A `#`, `/` or `?` left raw in the password
 * ends the URL's user part early: the rest of the password is then read as a host, a port, a
 * path or a fragment, and a piece of it would show in "cannot connect to <host>". Never
 * quotes the URL (it holds the password).
 */
export function urlProblem(text: string): string | null {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return null; // a socket path or key=value string
  const url = parseAsPg(text);
  if (!url) {
    return "it does not parse as a URL (a character such as #, / or ? in the password ends the user part early)";
  }
  if (url.username === "" && /@/.test(`${url.pathname}${url.search}${url.hash}`)) {
    return "the part before @ holds a #, / or ? that ends it early";
  }
  if (url.hash !== "") return "it has a # (a fragment), which a database URL never has";
  return null;
}

/** The URL as pg's parser reads it (it encodes stray spaces and %, and allows an empty host). */
function parseAsPg(text: string): URL | null {
  const encoded = / |%[^a-f0-9]|%[a-f0-9][^a-f0-9]/i.test(text)
    ? encodeURI(text).replace(/%25(\d\d)/g, "%$1")
    : text;
  for (const candidate of [encoded, encoded.replace("@/", "@localhost/")]) {
    try {
      return new URL(candidate);
    } catch {
      // try the next reading, as pg does
    }
  }
  return null;
}

/** Where a connection goes, for messages: never the password. */
export function describeConnection(settings: ConnectionSettings): string {
  if (settings.connectionString) {
    const url = urlProblem(settings.connectionString) ? null : parseAsPg(settings.connectionString);
    if (!url) return "the server in DATABASE_URL";
    return `${url.hostname || "localhost"}:${url.port || 5432}${url.pathname || ""}`;
  }
  return `${settings.host ?? "localhost"}:${settings.port ?? 5432}/${settings.database ?? settings.user ?? ""}`;
}
