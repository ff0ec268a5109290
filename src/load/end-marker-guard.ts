import { Transform } from "node:stream";

const MARKER = Buffer.from("\n\\.");
const LF = 0x0a;
const CR = 0x0d;

/** A line holding only `\.`, unquoted: PostgreSQL's CSV COPY would stop there. */
export class EndMarkerError extends Error {
  constructor() {
    super("a line holds only \\. which PostgreSQL's COPY takes for the end of the data");
  }
}

/**
 * Passes CSV bytes through unchanged, failing on an unquoted line that is just `\.`: COPY
 * FROM STDIN ends the data there without a word and drops the rest of the file, where DuckDB
 * reads on (or rejects the line).
 */
export function endMarkerGuard(): Transform {
  // The start of the data counts as the start of a line.
  let carry = Buffer.from("\n");
  const found = (window: Buffer, atEnd: boolean): boolean => {
    for (let i = window.indexOf(MARKER); i >= 0; i = window.indexOf(MARKER, i + 1)) {
      const next = window[i + MARKER.length];
      if (next === undefined ? atEnd : next === LF || next === CR) return true;
    }
    return false;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const window = Buffer.concat([carry, chunk]);
      if (found(window, false)) return done(new EndMarkerError());
      // A marker cut by the chunk boundary is found again with the next chunk.
      carry = window.subarray(-MARKER.length);
      done(null, chunk);
    },
    flush(done) {
      done(found(carry, true) ? new EndMarkerError() : null);
    },
  });
}
