import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Imports flow one way (STYLE.md): cli → serve → analysis → queries/engine → stats, with the wording
 * of src/text and the domain constants of src/model beneath them all. Each rule below names a
 * folder of src and says which of our files it may import; npm and node packages are always
 * allowed. The rules hold for the code that ships: a test beside the code (`*.test.ts`,
 * `*.test-helpers.ts`) may build its input with any layer.
 */

const ROOT = join(import.meta.dirname, "..");

/** A relative import of one src file from another, as written in the source. */
interface Import {
  /** The importing file, e.g. `src/report/format.ts`. */
  from: string;
  /** The imported file, e.g. `src/text/format.ts`. */
  to: string;
  /** `import type` / `export type`: erased by the compiler, so nothing of it runs. */
  typeOnly: boolean;
}

// `import … from "x"` and `export … from "x"` over any number of lines (a declaration has no
// semicolon or quote before its `from`), `import "x"`, and `import("x")` in code or in a type.
const FROM = /^[ \t]*(?:import|export)(\s+type\b)?[^;"'`]*?\bfrom\s*["']([^"']+)["']/gm;
const BARE = /^[ \t]*import\s*["']([^"']+)["']/gm;
const DYNAMIC = /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g;

/** Every relative import of `text`, the file `file` (a path from the repository's root). */
function importsOf(file: string, text: string): Import[] {
  const found = [
    ...[...text.matchAll(FROM)].map((m) => ({ spec: m[2] ?? "", typeOnly: m[1] !== undefined })),
    ...[...text.matchAll(BARE)].map((m) => ({ spec: m[1] ?? "", typeOnly: false })),
    ...[...text.matchAll(DYNAMIC)].map((m) => ({ spec: m[1] ?? "", typeOnly: false })),
  ];
  return found
    .filter(({ spec }) => spec.startsWith("."))
    .map(({ spec, typeOnly }) => ({
      from: file,
      to: posix.join(posix.dirname(file), spec).replace(/\.js$/, ".ts"),
      typeOnly,
    }));
}

const isTest = (file: string) => /\.test(-helpers)?\.ts$/.test(file);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [relative(ROOT, path).split(sep).join("/")] : [];
  });
}

/** The folder of src a file belongs to: `src/report/charts/x.ts` → `report`; `src/index.ts` → `index.ts`. */
const layerOf = (file: string) => file.split("/")[1] ?? file;

/**
 * The files whose types the report reads: results.json's shape, nothing that computes it. They
 * sit in src/analysis because the analysis writes them. The report imports them with `import
 * type` only, which the compiler erases (verbatimModuleSyntax), so no code of the analysis runs
 * in the report, and a value added to them later (a constant, a helper) cannot creep in.
 */
const RESULT_TYPES = /^src\/analysis\/(results|[a-z-]+-results)\.ts$/;

interface Rule {
  /** The folder of src the rule is about. */
  layer: string;
  /** Why the layer sits where it does. */
  why: string;
  /** Whether the layer may import `imp` (never called for an import of its own folder). */
  allows(imp: Import): boolean;
}

const only =
  (...layers: string[]) =>
  (imp: Import) =>
    layers.includes(layerOf(imp.to));
const not =
  (...layers: string[]) =>
  (imp: Import) =>
    !layers.includes(layerOf(imp.to));

const RULES: Rule[] = [
  { layer: "stats", why: "numerics only: nothing of ours", allows: only() },
  { layer: "model", why: "the domain's names and constants, beneath everything", allows: only() },
  {
    layer: "text",
    why: "the wording the findings and the report share: nothing higher than model",
    allows: only("model"),
  },
  {
    layer: "queries",
    why: "pure SQL builders over the dialect: no analysis, no words, no commands",
    allows: not("analysis", "cli", "report", "text", "load", "demo"),
  },
  {
    layer: "engine",
    why: "database I/O: no analysis, no words, no commands",
    allows: not("analysis", "cli", "report", "text", "load", "demo"),
  },
  {
    layer: "analysis",
    why: "the study: it never knows how it is shown or asked for",
    allows: not("cli", "report", "serve"),
  },
  {
    layer: "serve",
    why: "the local page over an open study: beneath the commands that start it",
    allows: not("cli"),
  },
  // The report may read model's constants: the currencies' signs and the segment names are
  // words and keys of the domain that sit beneath the analysis, not anything it computes.
  {
    layer: "report",
    why: "results → HTML: result types (import type), the shared wording and model's constants",
    allows: (imp) =>
      layerOf(imp.to) === "text" ||
      layerOf(imp.to) === "model" ||
      (imp.typeOnly && RESULT_TYPES.test(imp.to)),
  },
];

function violations(files: readonly string[], read: (file: string) => string): string[] {
  return files
    .filter((file) => !isTest(file))
    .flatMap((file) => importsOf(file, read(file)))
    .flatMap((imp) => {
      const rule = RULES.find((r) => r.layer === layerOf(imp.from));
      if (!rule || layerOf(imp.to) === rule.layer || rule.allows(imp)) return [];
      const kind = imp.typeOnly ? "import type" : "import";
      return [`${imp.from} → ${imp.to} (${kind}): ${rule.layer} is ${rule.why}`];
    });
}

describe("layers", () => {
  const files = sourceFiles(join(ROOT, "src"));
  const read = (file: string) => readFileSync(join(ROOT, file), "utf8");

  it("reads every form an import takes", () => {
    const text = [
      'import { a } from "../analysis/results.js";',
      'import type {\n  B,\n  C,\n} from "../analysis/cohort-results.js";',
      'export { d } from "./d.js";',
      'export type { E } from "../model/e.js";',
      'import "../engine/side-effect.js";',
      'const f = await import("../cli/main.js");',
      'type G = import("../report/context.js").ReportContext;',
      'import { readFile } from "node:fs/promises";',
      '// import { h } from "../cli/commented-out.js";',
      'const s = "import { i } from \\"./in-a-string.js\\"";',
    ].join("\n");
    expect(importsOf("src/report/x.ts", text)).toEqual([
      { from: "src/report/x.ts", to: "src/analysis/results.ts", typeOnly: false },
      { from: "src/report/x.ts", to: "src/analysis/cohort-results.ts", typeOnly: true },
      { from: "src/report/x.ts", to: "src/report/d.ts", typeOnly: false },
      { from: "src/report/x.ts", to: "src/model/e.ts", typeOnly: true },
      { from: "src/report/x.ts", to: "src/engine/side-effect.ts", typeOnly: false },
      { from: "src/report/x.ts", to: "src/cli/main.ts", typeOnly: false },
      { from: "src/report/x.ts", to: "src/report/context.ts", typeOnly: false },
    ]);
  });

  it("finds the imports of the real tree, each of a file that exists", () => {
    const imports = files.flatMap((file) => importsOf(file, read(file)));
    expect(imports.length).toBeGreaterThan(1000);
    expect(imports.filter((imp) => !existsSync(join(ROOT, imp.to)))).toEqual([]);
    expect(imports).toContainEqual({
      from: "src/report/render-report.ts",
      to: "src/analysis/results.ts",
      typeOnly: true,
    });
  });

  it("fails on a lower layer that imports a higher one", () => {
    const planted: Record<string, string> = {
      "src/stats/x.ts":
        'import { erf } from "./erf.js";\nimport { OTHER } from "../model/pooled-values.js";',
      "src/queries/x.ts": 'import type { Lang } from "../text/lang.js";',
      "src/engine/x.ts": 'import { runAnalysis } from "../analysis/run-analysis.js";',
      "src/analysis/x.ts": 'import { renderReport } from "../report/render-report.js";',
      "src/text/x.ts": 'import type { TrendWindow } from "../analysis/cohort-results.js";',
      "src/report/x.ts": [
        'import type { AnalysisResults } from "../analysis/results.js";',
        'import { SCHEMA_VERSION } from "../analysis/results.js";',
        'import { statement } from "../analysis/findings/statement.js";',
        'import { writeOutputFile } from "../io/output-file.js";',
        'import { formatPercent } from "../text/format.js";',
      ].join("\n"),
    };
    expect(violations(Object.keys(planted), (file) => planted[file] ?? "")).toEqual([
      "src/stats/x.ts → src/model/pooled-values.ts (import): stats is numerics only: nothing of ours",
      "src/queries/x.ts → src/text/lang.ts (import type): queries is pure SQL builders over the dialect: no analysis, no words, no commands",
      "src/engine/x.ts → src/analysis/run-analysis.ts (import): engine is database I/O: no analysis, no words, no commands",
      "src/analysis/x.ts → src/report/render-report.ts (import): analysis is the study: it never knows how it is shown or asked for",
      "src/text/x.ts → src/analysis/cohort-results.ts (import type): text is the wording the findings and the report share: nothing higher than model",
      expect.stringMatching(
        /^src\/report\/x\.ts → src\/analysis\/results\.ts \(import\): report is/,
      ),
      expect.stringMatching(
        /^src\/report\/x\.ts → src\/analysis\/findings\/statement\.ts \(import\)/,
      ),
      expect.stringMatching(/^src\/report\/x\.ts → src\/io\/output-file\.ts \(import\)/),
    ]);
  });

  it("holds in src: no lower layer imports a higher one", () => {
    expect(violations(files, read)).toEqual([]);
  });
});
