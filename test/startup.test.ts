import { existsSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * What `encore` loads before it knows the command: the files and packages src/cli/main.ts
 * reaches by static imports (dynamic `import()` and `import type` left out). The database
 * clients, the report's DOM and charts, the web server and the embedded engine load when a
 * command needs them: `encore --version`, `--help` or a mistyped option answers in a fraction
 * of the time the whole tree takes to load.
 */

const ROOT = join(import.meta.dirname, "..");
const STATIC = /^[ \t]*(?:import|export)(\s+type\b)?[^;"'`]*?\bfrom\s*["']([^"']+)["']/gm;

function staticClosure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const stack = [entry];
  for (let file = stack.pop(); file !== undefined; file = stack.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    for (const m of readFileSync(join(ROOT, file), "utf8").matchAll(STATIC)) {
      const spec = m[2] ?? "";
      if (m[1] !== undefined) continue;
      if (spec.startsWith(".")) {
        stack.push(posix.join(posix.dirname(file), spec).replace(/\.js$/, ".ts"));
      } else if (!spec.startsWith("node:")) {
        packages.add(
          spec
            .split("/")
            .slice(0, spec.startsWith("@") ? 2 : 1)
            .join("/"),
        );
      }
    }
  }
  return { files, packages };
}

describe("start-up", () => {
  const { files, packages } = staticClosure("src/cli/main.ts");

  it("follows the real tree: every file it reaches exists", () => {
    expect(files.size).toBeGreaterThan(10);
    expect([...files].filter((f) => !existsSync(join(ROOT, f)))).toEqual([]);
    expect(packages).toContain("zod");
  });

  it("loads no engine, database client, report renderer or web server before the command needs it", () => {
    const heavy = [
      "@duckdb/node-api",
      "pg",
      "pg-copy-streams",
      "@clickhouse/client",
      "chdb",
      "jsdom",
      "linkedom",
      "@observablehq/plot",
      "@resvg/resvg-js",
      "hono",
      "@hono/node-server",
    ];
    expect(heavy.filter((p) => packages.has(p))).toEqual([]);
  });

  it("would see one if a static import brought it back", () => {
    const registry = staticClosure("src/engine/registry.ts");
    expect(registry.packages.has("pg")).toBe(false);
    const engine = staticClosure("src/engine/postgres/engine.ts");
    expect(engine.packages.has("pg")).toBe(true);
  });
});
