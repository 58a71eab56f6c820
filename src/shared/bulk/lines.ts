/*
 * Physical lines of a byte stream, in constant memory. Bulk files are read line by line rather than
 * by a streaming CSV parser over the whole file: a broken quote then costs its own line only, where
 * a CSV parser would read every following line into the unclosed field. Rows of the police
 * databases never hold a line break, so nothing legitimate is lost (a quoted line break is a reject).
 */

export type Line = {
  /** 1-based line number in the file. */
  no: number;
  text: string;
  /** True when the line was longer than the limit: `text` is then only its beginning. */
  oversized: boolean;
  /** Bytes of the file read so far (for progress). */
  bytes: number;
};

/** A file or request body: a stream of chunks, or the whole text in one piece. */
export type ByteSource = AsyncIterable<Buffer | string> | Iterable<Buffer | string>;

const NL = 0x0a;
const CR = 0x0d;

/**
 * Splits a stream into lines (LF or CRLF). A line over `maxBytes` is cut and flagged, not buffered.
 * Lines are yielded a chunk at a time (an array per chunk, not a generator step per line): on
 * millions of rows the per-line cost of an async generator step was a visible part of the import.
 */
export async function* lineChunksOf(source: ByteSource, maxBytes = 64 * 1024): AsyncGenerator<Line[]> {
  let parts: Buffer[] = [];
  let size = 0;
  let oversized = false;
  let no = 0;
  let bytes = 0;
  // A line wholly inside one chunk is decoded straight from it (a view, no copy); only a line that
  // spans chunks is assembled from its parts.
  const take = (buf: Buffer, start: number, end: number): Line => {
    const all =
      parts.length === 0 ? buf.subarray(start, end) : Buffer.concat([...parts, buf.subarray(start, end)]);
    const text = all.toString(
      "utf8",
      0,
      all.length > 0 && all[all.length - 1] === CR ? all.length - 1 : all.length,
    );
    parts = [];
    size = 0;
    const line = { no: ++no, text, oversized, bytes };
    oversized = false;
    return line;
  };
  for await (const chunk of source) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    bytes += buf.length;
    const out: Line[] = [];
    let start = 0;
    for (let nl = buf.indexOf(NL, start); nl !== -1; nl = buf.indexOf(NL, start)) {
      out.push(take(buf, start, start + keep(nl - start)));
      start = nl + 1;
    }
    const rest = keep(buf.length - start);
    if (rest) parts.push(Buffer.from(buf.subarray(start, start + rest)));
    size += rest;
    if (out.length) yield out;
  }
  if (size > 0 || oversized) yield [take(Buffer.alloc(0), 0, 0)];

  // How much of the next `length` bytes of the current line to keep (at most maxBytes in all); the
  // rest is dropped and the line flagged.
  function keep(length: number): number {
    const room = Math.max(0, maxBytes - size);
    if (length <= room) return length;
    oversized = true;
    return room;
  }
}

/** The same lines one at a time. */
export async function* linesOf(source: ByteSource, maxBytes = 64 * 1024): AsyncGenerator<Line> {
  for await (const lines of lineChunksOf(source, maxBytes)) yield* lines;
}
