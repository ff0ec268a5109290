import { PassThrough } from "node:stream";
import type { Connection } from "pg";
import { describe, expect, it } from "vitest";
import { CopyOutStream } from "./copy-out.js";

/** One protocol message: its code, a 4-byte length that counts itself, its body. */
const message = (code: string, body: Buffer | string = ""): Buffer => {
  const bytes = Buffer.from(body);
  const header = Buffer.alloc(5);
  header.write(code, 0, "latin1");
  header.writeUInt32BE(bytes.length + 4, 1);
  return Buffer.concat([header, bytes]);
};

/**
 * A connection as pg hands it to a submittable: a socket whose one 'data' listener is pg's.
 * What the server sends is written into the socket in pieces of `sizes` bytes (cycled), so
 * that messages and their headers are cut at every place.
 */
async function copyOf(
  server: Buffer,
  sizes: readonly number[],
): Promise<{ rows: Buffer; toPg: Buffer; error: Error | null }> {
  const socket = new PassThrough();
  const toPg: Buffer[] = [];
  socket.on("data", (chunk: Buffer) => toPg.push(chunk));
  const connection = { stream: socket, query: () => {} } as unknown as Connection;
  const copy = new CopyOutStream("COPY (SELECT 1) TO STDOUT");
  const rows: Buffer[] = [];
  let error: Error | null = null;
  copy.on("data", (chunk: Buffer) => rows.push(Buffer.from(chunk)));
  const ended = new Promise<void>((resolve) => {
    copy.on("end", resolve);
    copy.on("error", (e) => {
      error = e;
      resolve();
    });
  });
  copy.submit(connection);
  for (let at = 0, i = 0; at < server.length; i++) {
    const size = sizes[i % sizes.length] as number;
    socket.write(server.subarray(at, at + size));
    at += size;
    await new Promise((resolve) => setImmediate(resolve));
  }
  // pg reports an error it read from the server to the query, as here.
  if (Buffer.concat(toPg).includes("ERROR")) copy.handleError(new Error("ERROR from server"));
  socket.end();
  await ended;
  return { rows: Buffer.concat(rows), toPg: Buffer.concat(toPg), error };
}

const rowsOf = (texts: readonly string[]) => texts.map((t) => message("d", t));
const AFTER = Buffer.concat([message("C", "COPY 3\0"), message("Z", "I")]);
const ROWS = ["a,1\n", `${"x".repeat(3000)},2\n`, "ç,3\n"];

describe("CopyOutStream", () => {
  it.each([[[1]], [[2]], [[3]], [[4]], [[5]], [[6]], [[7, 1, 13]], [[4096]], [[1 << 16]]])(
    "read in pieces of %j bytes: the rows' bytes, in order, and pg gets what follows CopyDone",
    async (sizes) => {
      const server = Buffer.concat([
        message("H", Buffer.from([0, 0, 2, 0, 0, 0, 0])),
        ...rowsOf(ROWS.slice(0, 2)),
        message("N", "SNOTICE\0Mmid-copy\0\0"),
        message("S", "application_name\0x\0"),
        ...rowsOf(ROWS.slice(2)),
        message("c"),
        AFTER,
      ]);
      const { rows, toPg, error } = await copyOf(server, sizes);
      expect(error).toBeNull();
      expect(rows.toString("utf8")).toBe(ROWS.join(""));
      expect(toPg.equals(AFTER)).toBe(true);
    },
  );

  it.each([[[1]], [[3]], [[5]], [[64]]])(
    "an error in the middle, in pieces of %j bytes: pg gets the error message whole, the stream fails",
    async (sizes) => {
      const failure = message("E", "SERROR\0C22012\0Mdivision by zero\0\0");
      const server = Buffer.concat([
        message("H", Buffer.from([0, 0, 1, 0, 0])),
        ...rowsOf(["a\n", "b\n"]),
        failure,
        message("Z", "E"),
      ]);
      const { toPg, error } = await copyOf(server, sizes);
      expect(error?.message).toBe("ERROR from server");
      expect(toPg.equals(Buffer.concat([failure, message("Z", "E")]))).toBe(true);
    },
  );

  it("a row larger than its block comes out whole", async () => {
    const big = `${"y".repeat(3 << 20)}\n`;
    const server = Buffer.concat([
      message("H"),
      ...rowsOf(["a\n", big, "b\n"]),
      message("c"),
      AFTER,
    ]);
    const { rows, toPg } = await copyOf(server, [1 << 16]);
    expect(rows.toString("utf8")).toBe(`a\n${big}b\n`);
    expect(toPg.equals(AFTER)).toBe(true);
  });

  it("takes the row count from the server's CommandComplete", () => {
    const copy = new CopyOutStream("COPY x TO STDOUT");
    copy.handleCommandComplete({ text: "COPY 10167450" });
    expect(copy.rowCount).toBe(10167450);
  });
});
