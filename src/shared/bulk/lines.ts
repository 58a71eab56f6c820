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

/** Splits a stream into lines (LF or CRLF). A line over `maxBytes` is cut and flagged, not buffered. */
export async function* linesOf(source: ByteSource, maxBytes = 64 * 1024): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let oversized = false;
  let no = 0;
  let bytes = 0;
  const take = (end: Buffer): Line => {
    const all = Buffer.concat([...parts, end]);
    parts = [];
    size = 0;
    const cut = all.length > 0 && all[all.length - 1] === 0x0d ? all.subarray(0, -1) : all;
    const line = { no: ++no, text: cut.toString("utf8"), oversized, bytes };
    oversized = false;
    return line;
  };
  for await (const chunk of source) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    bytes += buf.length;
    let start = 0;
    for (let nl = buf.indexOf(NL, start); nl !== -1; nl = buf.indexOf(NL, start)) {
      yield take(keep(buf.subarray(start, nl)));
      start = nl + 1;
    }
    const rest = keep(buf.subarray(start));
    if (rest.length) parts.push(Buffer.from(rest));
    size += rest.length;
  }
  if (size > 0 || oversized) yield take(Buffer.alloc(0));

  // Keeps at most maxBytes of the current line; the rest is dropped and the line flagged.
  function keep(piece: Buffer): Buffer {
    const room = Math.max(0, maxBytes - size);
    if (piece.length <= room) return piece;
    oversized = true;
    return piece.subarray(0, room);
  }
}
