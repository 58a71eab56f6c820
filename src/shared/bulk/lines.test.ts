import { describe, expect, it } from "vitest";
import { linesOf } from "./lines.ts";

const collect = async (chunks: (string | Buffer)[], maxBytes?: number) => {
  const out: [number, string, boolean][] = [];
  for await (const l of linesOf(chunks, maxBytes)) out.push([l.no, l.text, l.oversized]);
  return out;
};

describe("linesOf", () => {
  it("splits lines across chunk boundaries, with LF or CRLF, and keeps a last line without LF", async () => {
    expect(await collect(["ab", "c\r\nde", "f\ng", "h"])).toEqual([
      [1, "abc", false],
      [2, "def", false],
      [3, "gh", false],
    ]);
  });

  it("decodes a character whose bytes fall in two chunks", async () => {
    const bytes = Buffer.from("é,1\nß\n", "utf8");
    expect(await collect([bytes.subarray(0, 1), bytes.subarray(1, 6), bytes.subarray(6)])).toEqual([
      [1, "é,1", false],
      [2, "ß", false],
    ]);
  });

  it("cuts a line over the limit and flags it, inside one chunk or across several", async () => {
    expect(await collect(["abcdefgh\nxy\n"], 4)).toEqual([
      [1, "abcd", true],
      [2, "xy", false],
    ]);
    expect(await collect(["abc", "def", "gh\nxy"], 4)).toEqual([
      [1, "abcd", true],
      [2, "xy", false],
    ]);
  });

  it("counts the bytes read so far on each line", async () => {
    const bytes: number[] = [];
    for await (const l of linesOf(["a\nb\n", "c\n"])) bytes.push(l.bytes);
    expect(bytes).toEqual([4, 4, 6]);
  });
});
