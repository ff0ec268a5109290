import { readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../src");

/**
 * The modules that make up results.json's type: results.ts and every module of ours it
 * imports from, transitively.
 */
async function resultModules(): Promise<Map<string, string>> {
  const modules = new Map<string, string>();
  const visit = async (file: string): Promise<void> => {
    if (modules.has(file)) return;
    const text = await readFile(file, "utf8");
    modules.set(file, text);
    for (const [, spec] of text.matchAll(/^import [^;]*? from "(\.{1,2}\/[^"]+)\.js";/gm)) {
      await visit(join(dirname(file), `${spec}.ts`));
    }
  };
  await visit(join(SRC, "analysis/results.ts"));
  return modules;
}

/** The names a module exports as types (interfaces and type aliases). */
const exportedTypes = (text: string): string[] =>
  [...text.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1] as string);

/** Every name src/index.ts exports, as a library user imports it. */
function publicNames(index: string): Set<string> {
  const names = new Set<string>();
  for (const [, list] of index.matchAll(/^export (?:type )?\{([^}]*)\}/gm)) {
    for (const item of (list as string).split(",")) {
      const name = item
        .trim()
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/)
        .at(-1);
      if (name) names.add(name);
    }
  }
  for (const [, name] of index.matchAll(
    /^export (?:interface|type|const|function|class) (\w+)/gm,
  )) {
    names.add(name as string);
  }
  return names;
}

describe("the library's public API", () => {
  it("exports every type that results.json's type is made of", async () => {
    const modules = await resultModules();
    const files = [...modules.keys()].map((f) => relative(SRC, f)).sort();
    expect(files).toEqual(
      expect.arrayContaining(["analysis/prediction-results.ts", "analysis/results.ts"]),
    );
    const needed = [...modules.values()].flatMap(exportedTypes);
    expect(needed).toEqual(expect.arrayContaining(["AnalysisResults", "PredictionSection"]));
    const exported = publicNames(await readFile(join(SRC, "index.ts"), "utf8"));
    expect(needed.filter((name) => !exported.has(name))).toEqual([]);
  });
});
