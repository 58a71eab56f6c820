/**
 * A PDQ hash is 256 bits. In memory it is a 32-byte Uint8Array in the order of the reference hex
 * string (byte 0 = the first two hex digits), so hex <-> bytes is a straight conversion and hashes
 * written by other PDQ tools (ThreatExchange, HMA) compare byte for byte.
 */
export type PdqHash = Uint8Array;

export const PDQ_HASH_BYTES = 32;
export const PDQ_HASH_BITS = 256;
export const PDQ_HEX_LENGTH = 64;

/** Thrown for a hash that is not exactly 64 hex digits (or 32 bytes). */
export class InvalidPdqHashError extends Error {
  override readonly name = "InvalidPdqHashError";
}

const HEX_RE = /^[0-9a-fA-F]{64}$/;

/** Parses 64 hex digits (either case) into 32 bytes; anything else throws InvalidPdqHashError. */
export function parsePdqHex(hex: string): PdqHash {
  if (typeof hex !== "string" || !HEX_RE.test(hex)) {
    const shown = typeof hex === "string" ? `${hex.length} characters` : typeof hex;
    throw new InvalidPdqHashError(`A PDQ hash must be exactly 64 hexadecimal digits (got ${shown}).`);
  }
  const out = new Uint8Array(PDQ_HASH_BYTES);
  for (let i = 0; i < PDQ_HASH_BYTES; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Formats 32 bytes as 64 lowercase hex digits, the reference format. */
export function formatPdqHex(hash: PdqHash): string {
  assertHashBytes(hash);
  let hex = "";
  for (const byte of hash) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/** Accepts either representation, so API edges can pass what they received. */
export function toPdqHash(hash: PdqHash | string): PdqHash {
  if (typeof hash === "string") return parsePdqHex(hash);
  assertHashBytes(hash);
  return hash;
}

function assertHashBytes(hash: Uint8Array): void {
  if (!(hash instanceof Uint8Array) || hash.length !== PDQ_HASH_BYTES) {
    throw new InvalidPdqHashError("A PDQ hash must be exactly 32 bytes.");
  }
}

/** Number of set bits in a 32-bit integer (SWAR: no lookup table, no allocation). */
export function popcount32(v: number): number {
  let x = v - ((v >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Hamming distance (differing bits, 0..256) between two hashes in either representation. */
export function hamming(a: PdqHash | string, b: PdqHash | string): number {
  const wa = pdqHashToWords(toPdqHash(a));
  const wb = pdqHashToWords(toPdqHash(b));
  let d = 0;
  for (let i = 0; i < 8; i++) d += popcount32((wa[i] as number) ^ (wb[i] as number));
  return d;
}

/**
 * Packs a hash into eight big-endian 32-bit words (word 0 = hex digits 0..7). The index stores
 * hashes this way: eight XOR+popcounts per comparison instead of 32 byte lookups.
 */
export function pdqHashToWords(hash: PdqHash, out = new Uint32Array(8), offset = 0): Uint32Array {
  for (let w = 0; w < 8; w++) {
    const b = 4 * w;
    out[offset + w] =
      (((hash[b] as number) << 24) |
        ((hash[b + 1] as number) << 16) |
        ((hash[b + 2] as number) << 8) |
        (hash[b + 3] as number)) >>>
      0;
  }
  return out;
}

/** The inverse of pdqHashToWords. */
export function wordsToPdqHash(words: Uint32Array, offset = 0): PdqHash {
  const out = new Uint8Array(PDQ_HASH_BYTES);
  for (let w = 0; w < 8; w++) {
    const v = words[offset + w] as number;
    out[4 * w] = v >>> 24;
    out[4 * w + 1] = (v >>> 16) & 0xff;
    out[4 * w + 2] = (v >>> 8) & 0xff;
    out[4 * w + 3] = v & 0xff;
  }
  return out;
}
