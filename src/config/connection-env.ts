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
  if (url) return { connectionString: url };
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

/** Where a connection goes, for messages: never the password. */
export function describeConnection(settings: ConnectionSettings): string {
  if (settings.connectionString) {
    try {
      const url = new URL(settings.connectionString);
      return `${url.hostname || "localhost"}:${url.port || 5432}${url.pathname || ""}`;
    } catch {
      return "the server in DATABASE_URL";
    }
  }
  return `${settings.host ?? "localhost"}:${settings.port ?? 5432}/${settings.database ?? settings.user ?? ""}`;
}
