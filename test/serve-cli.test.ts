import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { csv, tempDir } from "./helpers.js";

async function ordersFile(): Promise<string> {
  const file = join(await tempDir(), "orders.csv");
  await writeFile(
    file,
    csv(
      "user_id,order_id,order_dt,revenue,city_name",
      "a,1,2024-09-01,100,Kazan",
      "a,2,2024-09-05,100,Kazan",
      "b,3,2024-08-01,100,Moscow",
    ),
  );
  return file;
}

/** Runs `encore serve` in this process until the test sends it a signal. */
function serve(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const exit = main(["serve", ...args], { out: (l) => out.push(l), err: (l) => err.push(l) });
  const url = async () => {
    await expect.poll(() => out.join("\n"), { timeout: 60_000 }).toMatch(/^serving the study at /);
    return (out[0] ?? "").replace("serving the study at ", "");
  };
  return { out, err, exit, url };
}

describe("encore serve on the command line", () => {
  it("prints its URL with the filter, answers, and stops cleanly on SIGTERM", async () => {
    const run = serve(["--orders", await ordersFile(), "--where", "city_name=Kazan", "-q"]);
    const url = new URL(await run.url());
    expect(url.hostname).toBe("127.0.0.1");
    expect(Number(url.port)).toBeGreaterThan(0);
    expect(url.search).toBe("?city_name=Kazan");
    const options = await fetch(new URL("/api/options", url));
    expect(options.status).toBe(200);
    expect((await options.json()).users).toBe(2);
    process.emit("SIGTERM");
    expect(await run.exit).toBe(0);
    await expect(fetch(new URL("/api/options", url))).rejects.toThrow();
  }, 90_000);

  it("warns when it listens beyond this machine", async () => {
    const run = serve(["--orders", await ordersFile(), "--host", "0.0.0.0"]);
    await run.url();
    process.emit("SIGINT");
    expect(await run.exit).toBe(0);
    expect(run.err).toContain(
      "warning: listening on 0.0.0.0: other machines on the network can read these customers' figures and lists",
    );
    expect(run.err.at(-1)).toBe("stopped");
  }, 90_000);

  it("refuses a port in use with one line", async () => {
    const first = serve(["--orders", await ordersFile(), "-q"]);
    const port = new URL(await first.url()).port;
    const err: string[] = [];
    const code = await main(["serve", "--orders", await ordersFile(), "--port", port, "-q"], {
      out: () => {},
      err: (l) => err.push(l),
    });
    process.emit("SIGINT");
    await first.exit;
    expect(code).toBe(2);
    expect(err).toEqual([
      `encore: cannot listen on 127.0.0.1:${port}: EADDRINUSE. Give another --port or --host`,
    ]);
  }, 90_000);
});
