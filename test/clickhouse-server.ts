import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { access, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Where Debian's `clickhouse-server` package installs the server. */
const SERVER = "/usr/sbin/clickhouse-server";

export interface ClickHouseServer {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly port: number;
  /** A user with a password and the default profile. */
  readonly user: string;
  readonly password: string;
  /** A user whose profile has readonly = 1, same password. */
  readonly readonlyUser: string;
  stop(): Promise<void>;
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

const escapeXml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/**
 * Starts a throwaway ClickHouse server (Debian's package: 18.16, too old for the study's SQL,
 * but it speaks HTTP, checks passwords and kills queries) on free loopback ports, from a
 * configuration in a temporary directory. Returns null, with a loud warning, when it is not
 * installed; in CI (`CI=true`) its absence is an error.
 */
export async function startClickHouseServer(): Promise<ClickHouseServer | null> {
  if (
    !(await access(SERVER).then(
      () => true,
      () => false,
    ))
  ) {
    const message = `ClickHouse is not installed (no ${SERVER}): apt-get install clickhouse-server`;
    if (process.env.CI === "true") throw new Error(message);
    console.warn(`SKIPPING the ClickHouse server tests: ${message}`);
    return null;
  }
  const dir = await mkdtemp(join(tmpdir(), "encore-clickhouse-"));
  const [port, tcpPort] = [await freePort(), await freePort()];
  const password = randomBytes(12).toString("hex");
  const user = (name: string, profile: string) =>
    `<${name}><password>${password}</password><networks><ip>127.0.0.1</ip></networks>` +
    `<profile>${profile}</profile><quota>default</quota></${name}>`;
  await writeFile(
    join(dir, "users.xml"),
    `<yandex><profiles><default/><readonly><readonly>1</readonly></readonly></profiles>
      <users>${user("encore", "default")}${user("viewer", "readonly")}</users>
      <quotas><default/></quotas></yandex>`,
  );
  const path = escapeXml(dir);
  await writeFile(
    join(dir, "config.xml"),
    `<yandex>
      <logger><level>warning</level><log>${path}/server.log</log><errorlog>${path}/error.log</errorlog></logger>
      <listen_host>127.0.0.1</listen_host>
      <http_port>${port}</http_port>
      <tcp_port>${tcpPort}</tcp_port>
      <path>${path}/data/</path>
      <tmp_path>${path}/tmp/</tmp_path>
      <users_config>users.xml</users_config>
      <default_profile>default</default_profile>
      <default_database>default</default_database>
      <mark_cache_size>5368709</mark_cache_size>
    </yandex>`,
  );
  const server: ChildProcess = spawn(SERVER, [`--config-file=${join(dir, "config.xml")}`], {
    stdio: "ignore",
  });
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGKILL");
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    for (let tries = 0; ; tries++) {
      const ready = await fetch(`${url}/ping`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      if (server.exitCode !== null || tries > 300)
        throw new Error(`clickhouse-server did not start (see ${dir}/error.log)`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, user: "encore", password, readonlyUser: "viewer", stop };
}
