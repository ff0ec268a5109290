import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EncoreError } from "../errors.js";
import { connectionFromEnv, describeConnection, urlProblem } from "./connection-env.js";

async function envFile(text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "encore-env-"));
  await writeFile(join(dir, ".env"), text);
  return join(dir, ".env");
}

describe("connectionFromEnv", () => {
  it("takes DATABASE_URL from a .env file", async () => {
    const file = await envFile(
      '# the analysts\' database\nDATABASE_URL="postgres://ana:s3cret@db.local:6543/tickets"\n',
    );
    expect(await connectionFromEnv({}, file)).toEqual({
      connectionString: "postgres://ana:s3cret@db.local:6543/tickets",
    });
  });

  it("lets the environment win over the file, and DATABASE_URL over PG*", async () => {
    const file = await envFile(
      "PGHOST=file-host\nPGUSER=file-user\nPGPASSWORD='p#ss'\nexport PGPORT=5433\n",
    );
    expect(await connectionFromEnv({ PGHOST: "env-host" }, file)).toEqual({
      host: "env-host",
      port: 5433,
      user: "file-user",
      password: "p#ss",
    });
    expect(await connectionFromEnv({ DATABASE_URL: "postgres://x@h/db" }, file)).toEqual({
      connectionString: "postgres://x@h/db",
    });
  });

  it("is happy without a .env file when the environment has the variables", async () => {
    expect(
      await connectionFromEnv({ PGDATABASE: "tickets" }, join(tmpdir(), "no-such-dir", ".env")),
    ).toEqual({
      database: "tickets",
    });
  });

  it("says what to set when nothing is configured, and rejects a bad port", async () => {
    await expect(connectionFromEnv({}, null)).rejects.toThrow(
      /no database connection is configured/,
    );
    await expect(connectionFromEnv({}, null)).rejects.toBeInstanceOf(EncoreError);
    await expect(connectionFromEnv({ PGPORT: "54x" }, null)).rejects.toThrow(
      /PGPORT is not a port number/,
    );
  });
});

describe("describeConnection", () => {
  it("names the server and database, never the password", () => {
    const url = describeConnection({
      connectionString: "postgres://ana:s3cret@db.local:6543/tickets",
    });
    expect(url).toBe("db.local:6543/tickets");
    const vars = describeConnection({
      host: "h",
      port: 5432,
      user: "ana",
      password: "s3cret",
      database: "t",
    });
    expect(vars).toBe("h:5432/t");
    expect(`${url} ${vars}`).not.toContain("s3cret");
  });
});

describe("urlProblem", () => {
  it("finds a raw #, / or ? in the password, which would cut the URL's user part short", () => {
    for (const password of ["p#ss", "p/ss", "p?ss", "12#x", "12/x", "12?x"]) {
      const url = `postgres://ana:${password}@db.example.com:5432/tickets`;
      expect(urlProblem(url), password).not.toBeNull();
      expect(urlProblem(url), password).not.toContain(password);
      expect(describeConnection({ connectionString: url })).toBe("the server in DATABASE_URL");
    }
  });

  it("accepts what pg accepts: encoded characters, an @ in the password, no host, a socket", () => {
    for (const url of [
      "postgres://ana:p%23s%2Fs%3F@db.example.com/tickets",
      "postgres://ana:p@ss@db.example.com/tickets",
      "postgres://ana:p%ss@/tickets",
      "postgresql:///tickets?host=/var/run/postgresql",
      "/var/run/postgresql tickets",
    ]) {
      expect(urlProblem(url), url).toBeNull();
    }
  });
});
