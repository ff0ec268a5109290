// The `encore` command as a few bundled files (dist/cli-bundle/, what bin/encore.js runs):
// Node 20 loads an ES module tree file by file, and the command's tree (zod, the report's
// charts and DOM, the web server: about 540 files) took 0.5 s of every run to load; bundled,
// each command loads its chunks in a fraction of that. The dynamic imports stay chunks of
// their own, so `encore --help` still loads no engine and `analyze` no web server.
//
// node scripts/bundle-cli.js [ENTRY OUTDIR]: by default dist/cli/main.js (tsc's output) into
// dist/cli-bundle/; a test bundles src/cli/main.ts the same way.
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

/**
 * Packages left for Node to load from node_modules: native addons (DuckDB, chDB, resvg) and
 * the database clients, which are CommonJS with optional requires of their own.
 */
export const EXTERNAL = [
  "@duckdb/node-api",
  "chdb",
  "@resvg/resvg-js",
  "pg",
  "pg-copy-streams",
  "@clickhouse/client",
];

export async function bundleCli(entry, outdir) {
  await build({
    entryPoints: { main: entry },
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: EXTERNAL,
    logLevel: "warning",
  });
}

// Run as a script (a path with spaces or other characters included), not imported by the test.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [entry = "dist/cli/main.js", outdir = "dist/cli-bundle"] = process.argv.slice(2);
  await bundleCli(entry, outdir);
}
