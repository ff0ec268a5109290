import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EncoreError } from "../errors.js";
import { clickhouseFromEnv, describeClickHouse, parseClickHouseUrl } from "./clickhouse-env.js";

async function envFile(text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "encore-env-"));
  await writeFile(join(dir, ".env"), text);
  return join(dir, ".env");
}

describe("the ClickHouse connection from the environment", () => {
  it("splits an HTTP URL into server, user, password and database", () => {
    expect(parseClickHouseUrl("https://ana:p%40ss@ch.local:8443/shop")).toEqual({
      kind: "http",
      url: "https://ch.local:8443",
      user: "ana",
      password: "p@ss",
      database: "shop",
    });
    expect(parseClickHouseUrl("chdb:./data/ch")).toEqual({ kind: "chdb", dir: "./data/ch" });
  });

  it("takes CLICKHOUSE_* from a .env file, the environment winning, the URL over the parts", async () => {
    const file = await envFile(
      "CLICKHOUSE_HOST=file-host\nCLICKHOUSE_USER=ana\nCLICKHOUSE_PASSWORD='p#ss'\nCLICKHOUSE_DATABASE=shop\n",
    );
    expect(await clickhouseFromEnv({ CLICKHOUSE_HOST: "env-host" }, file)).toEqual({
      kind: "http",
      url: "http://env-host:8123",
      user: "ana",
      password: "p#ss",
      database: "shop",
    });
    expect(await clickhouseFromEnv({ CLICKHOUSE_URL: "chdb:/var/encore" }, file)).toEqual({
      kind: "chdb",
      dir: "/var/encore",
    });
  });

  it("says what to set, and rejects a bad port or scheme without echoing a password", async () => {
    const none = await clickhouseFromEnv({}, null).catch((e: unknown) => e);
    expect(none).toBeInstanceOf(EncoreError);
    expect((none as EncoreError).message).toBe("no ClickHouse connection is configured");
    await expect(clickhouseFromEnv({ CLICKHOUSE_PORT: "80a" }, null)).rejects.toThrow(
      "CLICKHOUSE_PORT is not a port number: 80a",
    );
    const scheme = await clickhouseFromEnv(
      { CLICKHOUSE_URL: "tcp://ana:s3cret@h:9000" },
      null,
    ).catch((e: unknown) => e as EncoreError);
    expect((scheme as EncoreError).toLine()).not.toContain("s3cret");
    expect((scheme as EncoreError).exitCode).toBe(3);
  });

  it("names the server and database, never the password", () => {
    const connection = parseClickHouseUrl("http://ana:s3cret@ch.local:8123/shop");
    expect(describeClickHouse(connection)).toBe("http://ch.local:8123/shop");
  });
});
