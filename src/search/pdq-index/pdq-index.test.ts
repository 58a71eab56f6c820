import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { shippedReference } from "../../../test/shared-data.ts";
import { InvalidPdqHashError, pdqHashToWords, wordsToPdqHash } from "../pdq/hash.ts";
import { bruteForce, type PdqMatch } from "./matches.ts";
import { PdqIndex } from "./mih.ts";
import { plantNear, plantSpread, randomHashes, xorshift32 } from "./synthetic.ts";

// The haystack and needles are shipped in reference/pdq/ (README there: source and licence).
const DATA = shippedReference("pdq");
const lines = (file: string) =>
  readFileSync(path.join(DATA, file), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

function packHex(hexes: readonly string[]): Uint32Array {
  const words = new Uint32Array(hexes.length * 8);
  hexes.forEach((h, i) => {
    words.set(pdqHashToWords(Buffer.from(h, "hex")), i * 8);
  });
  return words;
}

const sequence = (n: number) => Uint32Array.from({ length: n }, (_, i) => i);

describe("PdqIndex on the reference haystack and needles", () => {
  const haystack = lines("haystack.txt");
  const needles = lines("needles.txt");
  const words = packHex(haystack);
  const ids = sequence(haystack.length);

  it("reads 1,350 haystack hashes and 100 needles", () => {
    expect(haystack).toHaveLength(1350);
    expect(needles).toHaveLength(100);
  });

  it.each([
    ["built posting lists", true],
    ["the append buffer only", false],
  ])("finds exactly what brute force finds, from %s", (_name, built) => {
    const index = new PdqIndex();
    index.addBulk(ids, haystack);
    if (built) index.build();
    expect(index.stats().pending).toBe(built ? 0 : haystack.length);
    let total = 0;
    for (const needle of needles) {
      const got = index.query(needle);
      expect(got).toEqual(bruteForce(words, ids, needle));
      total += got.length;
    }
    // Every needle has near-duplicates in the haystack (250 pairs within 31 bits).
    expect(total).toBe(250);
  });
});

describe("PdqIndex on 200,000 random hashes with planted near-duplicates", () => {
  const N = 200_000;
  const QUERIES = 40;
  const MAX_PLANTED = 40;
  const rand = xorshift32(20261123);
  const words = randomHashes(N, rand);
  const ids = sequence(N);
  // Rows 0..39 are queries; each gets copies at every distance 0..40, alternately with random bits
  // and with bits spread evenly over the chunks (the pigeonhole worst case).
  const plantedAt = (q: number, d: number) => QUERIES + q * (MAX_PLANTED + 1) + d;
  for (let q = 0; q < QUERIES; q++) {
    for (let d = 0; d <= MAX_PLANTED; d++)
      (d % 2 ? plantSpread : plantNear)(words, q, plantedAt(q, d), d, rand);
  }
  const index = new PdqIndex();
  index.addBulk(ids, words);

  it("built the lists in bulk", () => {
    expect(index.stats()).toMatchObject({ size: N, indexed: N, pending: 0, tombstones: 0 });
  });

  it("returns the brute-force result set, planted duplicates at 0..31 in, 32..40 out", () => {
    for (let q = 0; q < QUERIES; q++) {
      const query = wordsToPdqHash(words, q * 8);
      const got = index.query(query);
      expect(got).toEqual(bruteForce(words, ids, query));
      const found = new Map(got.map((m) => [m.id, m.distance]));
      for (let d = 0; d <= MAX_PLANTED; d++) {
        expect(found.get(plantedAt(q, d)), `query ${q}, planted at ${d}`).toBe(d <= 31 ? d : undefined);
      }
    }
  });

  it.each([0, 7, 8, 16, 47, 64])("matches brute force at maxDistance %i", (r) => {
    for (let q = 0; q < 5; q++) {
      const query = wordsToPdqHash(words, q * 8);
      expect(index.query(query, r)).toEqual(bruteForce(words, ids, query, r));
    }
  });
});

describe("PdqIndex updates", () => {
  const rand = xorshift32(7);
  const words = randomHashes(10_000, rand);
  const hashAt = (i: number) => wordsToPdqHash(words, i * 8);
  const ids = (matches: PdqMatch[]) => matches.map((m) => m.id);

  it("serves adds after a build from the append buffer, then merges them", () => {
    const index = new PdqIndex({ minPendingToMerge: 100 });
    index.addBulk(sequence(5_000), words.subarray(0, 5_000 * 8));
    plantNear(words, 0, 5_000, 3, rand);
    index.add(1_000_000, hashAt(5_000));
    expect(index.stats()).toMatchObject({ indexed: 5_000, pending: 1 });
    expect(ids(index.query(hashAt(0)))).toEqual([0, 1_000_000]);
    for (let i = 5_001; i < 5_400; i++) index.add(i, hashAt(i));
    expect(index.stats().pending).toBeLessThan(100);
    expect(ids(index.query(hashAt(0)))).toEqual([0, 1_000_000]);
  });

  it("removes by id with tombstones, purged from the lists by the next build", () => {
    const index = new PdqIndex();
    index.addBulk(sequence(10_000), words);
    index.add(42, hashAt(7));
    expect(ids(index.query(hashAt(7)))).toEqual([7, 42]);
    expect(index.remove(42)).toBe(2);
    expect(index.remove(42)).toBe(0);
    expect(ids(index.query(hashAt(7)))).toEqual([7]);
    expect(ids(index.query(hashAt(42)))).toEqual([]);
    expect(index.stats()).toMatchObject({ size: 9_999, tombstones: 2 });
    index.build();
    expect(ids(index.query(hashAt(7)))).toEqual([7]);
    expect(index.size).toBe(9_999);
  });

  it("reports its memory in bytes", () => {
    const index = new PdqIndex();
    index.addBulk(sequence(10_000), words);
    const { bytes } = index.stats();
    // Fixed costs (one 64 Ki-row store page, 8 x 65,537 offsets) dominate at this size.
    expect(bytes).toBeGreaterThan(10_000 * 84);
    expect(bytes).toBe(index.byteLength());
  });

  it("rejects bad input with clear errors", () => {
    const index = new PdqIndex();
    expect(() => index.add(1, "abc")).toThrow(InvalidPdqHashError);
    expect(() => index.add(-1, hashAt(0))).toThrow(RangeError);
    expect(() => index.add(2 ** 32, hashAt(0))).toThrow(RangeError);
    expect(() => index.query(hashAt(0), 257)).toThrow(RangeError);
    expect(() => index.query(hashAt(0), 1.5)).toThrow(RangeError);
    expect(() => index.addBulk([1, 2], new Uint32Array(8))).toThrow(RangeError);
  });
});
