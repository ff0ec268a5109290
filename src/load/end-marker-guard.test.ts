import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { EndMarkerError, endMarkerGuard } from "./end-marker-guard.js";

/** The guarded stream's text, or the error it fails with; `chunks` as they arrive. */
const through = (chunks: string[]) =>
  text(Readable.from(chunks.map((c) => Buffer.from(c))).pipe(endMarkerGuard())).catch(
    (error: unknown) => error,
  );

describe("endMarkerGuard", () => {
  it("passes ordinary CSV through unchanged, backslashes and dots included", async () => {
    const chunks = ["a,b\n1,\\.\n", "\\.x,2\n", ".\\,3\n"];
    expect(await through(chunks)).toBe(chunks.join(""));
  });

  it("fails on a line that is just \\. (LF, CRLF, the last line, the first line)", async () => {
    for (const chunks of [["a\n\\.\nb\n"], ["a\r\n\\.\r\nb\r\n"], ["a\n1\n\\."], ["\\.\na\n"]])
      expect(await through(chunks)).toBeInstanceOf(EndMarkerError);
  });

  it("finds the marker when a chunk boundary cuts it", async () => {
    for (const cut of [1, 2, 3, 4]) {
      const data = "a,b\n1,2\n\\.\n3,4\n";
      const at = data.indexOf("\\.") - 1 + cut;
      expect(await through([data.slice(0, at), data.slice(at)])).toBeInstanceOf(EndMarkerError);
    }
  });
});
