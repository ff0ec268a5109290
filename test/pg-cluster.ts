import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chown, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Where Debian's `postgresql` package installs the server, one directory per major version. */
const DEBIAN_ROOT = "/usr/lib/postgresql";
const SERVER_USER = "postgres";

export interface PgCluster {
  /** postgres://encore:PASSWORD@127.0.0.1:PORT/postgres */
  readonly url: string;
  readonly user: string;
  readonly password: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** The newest installed server's bin directory, or null when PostgreSQL is not installed. */
async function findBinDir(): Promise<string | null> {
  const versions = await readdir(DEBIAN_ROOT).catch(() => [] as string[]);
  const newest = versions
    .filter((v) => /^[0-9]+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))[0];
  return newest === undefined ? null : join(DEBIAN_ROOT, newest, "bin");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(address),
      );
    });
  });
}

/**
 * Starts a throwaway cluster (initdb into a temporary directory, loopback only, a free port,
 * password authentication) for tests. Returns null, with a loud warning, when PostgreSQL is
 * not installed; in CI (`CI=true`) its absence is an error.
 */
export async function startPgCluster(): Promise<PgCluster | null> {
  const bin = await findBinDir();
  if (bin === null) {
    const message = `PostgreSQL is not installed (no ${DEBIAN_ROOT}/*/bin): apt-get install postgresql`;
    if (process.env.CI === "true") throw new Error(message);
    console.warn(`SKIPPING the PostgreSQL tests: ${message}`);
    return null;
  }
  // initdb and postgres refuse to run as root: run them as the server's system user.
  const asRoot = process.getuid?.() === 0;
  const prefix = asRoot ? ["runuser", "-u", SERVER_USER, "--"] : [];
  const tool = (name: string, args: string[]) => {
    const [command, ...rest] = [...prefix, join(bin, name), ...args];
    return run(command as string, rest, { env: { ...process.env, LC_ALL: "C" } });
  };

  const dir = await mkdtemp(join(tmpdir(), "encore-pg-"));
  const data = join(dir, "data");
  const sockets = join(dir, "sockets");
  const pwfile = join(dir, "pwfile");
  const user = "encore";
  const password = randomBytes(12).toString("hex");
  await mkdir(sockets);
  await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  if (asRoot) {
    const { stdout } = await run("id", ["-u", SERVER_USER]);
    const { stdout: gid } = await run("id", ["-g", SERVER_USER]);
    for (const path of [dir, sockets, pwfile]) await chown(path, Number(stdout), Number(gid));
  }
  try {
    await tool("initdb", [
      "-D",
      data,
      "-U",
      user,
      `--pwfile=${pwfile}`,
      "--auth=scram-sha-256",
      "--no-sync",
      "--no-instructions",
      "--encoding=UTF8",
      "--no-locale",
    ]);
    const port = await freePort();
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${sockets} -c fsync=off`;
    await tool("pg_ctl", ["start", "-w", "-s", "-D", data, "-l", join(dir, "log"), "-o", options]);
    return {
      url: `postgres://${user}:${password}@127.0.0.1:${port}/postgres`,
      user,
      password,
      port,
      async stop() {
        try {
          await tool("pg_ctl", ["stop", "-s", "-m", "immediate", "-D", data]);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
