import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { shippedReference } from "../../../../test/shared-data.ts";
import { readRecord, readTemplate, TemplateFormatError, writeRecord } from "./index.ts";

const FOLDERS = ["iso19794p2v2005", "iso19794p2v2011", "ansi378v2004", "ansi378v2009", "ansi378v2009am1"];
const samples = FOLDERS.map(
  (folder) =>
    new Uint8Array(readFileSync(shippedReference("fingerprints", "formats", folder, `${folder}-sample.dat`))),
);

/** xorshift32: a fixed seed gives the same cases on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
}

/** Reading either succeeds (and then writes back the same bytes) or fails with a TemplateFormatError. */
function readOrReject(bytes: Uint8Array): "read" | "rejected" {
  try {
    const record = readRecord(bytes);
    readTemplate(bytes);
    expect(Buffer.from(writeRecord(record)).equals(Buffer.from(bytes))).toBe(true);
    return "read";
  } catch (error) {
    if (!(error instanceof TemplateFormatError)) throw error;
    expect(error.message).toMatch(/\(at byte \d+\)$/);
    expect(error.offset).toBeGreaterThanOrEqual(0);
    expect(error.offset).toBeLessThanOrEqual(bytes.length);
    return "rejected";
  }
}

describe("damaged templates (seeded fuzz)", () => {
  it("rejects every truncation of every golden sample", () => {
    for (const bytes of samples)
      for (let length = 0; length < bytes.length; length++)
        expect(readOrReject(bytes.subarray(0, length)), `truncated to ${length}`).toBe("rejected");
  });

  it("reports a truncated template under its own standard (the header still tells them apart)", () => {
    const names = [
      "ISO/IEC 19794-2:2005",
      "ISO/IEC 19794-2:2011",
      "ANSI INCITS 378-2004",
      "ANSI INCITS 378-2009 ",
      "ANSI INCITS 378-2009/Amd 1",
    ];
    // From 20 bytes on: an ISO 2011 template needs its first representation length (bytes 15..18).
    for (const [i, bytes] of samples.entries())
      for (let length = 20; length < bytes.length; length++) {
        let message = "";
        try {
          readTemplate(bytes.subarray(0, length));
        } catch (error) {
          message = (error as Error).message;
        }
        expect(
          message.startsWith(`${(names[i] as string).trim()} template: truncated`),
          `${FOLDERS[i]} at ${length}: ${message}`,
        ).toBe(true);
      }
  });

  it("never throws anything but TemplateFormatError on bit flips, byte changes and insertions", () => {
    const next = random(0x5eed);
    const outcomes = { read: 0, rejected: 0 };
    const started = Date.now();
    for (let round = 0; round < 4000; round++) {
      const source = samples[round % samples.length] as Uint8Array;
      const bytes = new Uint8Array(source);
      const edits = 1 + Math.floor(next() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(next() * bytes.length);
        if (next() < 0.7) bytes[at] = (bytes[at] as number) ^ (1 << Math.floor(next() * 8));
        else bytes[at] = Math.floor(next() * 256);
      }
      outcomes[readOrReject(bytes)]++;
      // Header fields made huge must fail fast, not loop or allocate: cut and pad too.
      const cut = bytes.subarray(0, Math.floor(next() * bytes.length));
      outcomes[readOrReject(cut)]++;
    }
    expect(outcomes.read).toBeGreaterThan(0);
    expect(outcomes.rejected).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("names what is wrong: identifier, version, reserved bits, block lengths", () => {
    const iso = samples[0] as Uint8Array;
    const message = (bytes: Uint8Array) => {
      try {
        readTemplate(bytes);
      } catch (error) {
        if (error instanceof TemplateFormatError) return error.message;
        throw error;
      }
      return "read";
    };
    const changed = (at: number, value: number) => {
      const copy = new Uint8Array(iso);
      copy[at] = value;
      return copy;
    };
    expect(message(changed(0, 0x47))).toBe(
      'not a finger minutiae record: the format identifier is not "FMR\\0" (byte 0x47) (at byte 0)',
    );
    expect(message(changed(5, 0x39))).toMatch(/^unsupported version " 90\\\\0" .*\(at byte 4\)$/);
    // Byte 28 starts the first minutia (type bits over x), byte 30 its y (two reserved bits over y).
    expect(message(changed(28, 0xc0))).toBe(
      "ISO/IEC 19794-2:2005 template: minutia 0 has the reserved type code 3 (at byte 28)",
    );
    expect(message(changed(30, 0x40))).toBe(
      "ISO/IEC 19794-2:2005 template: minutia 0 sets the reserved bits above its y coordinate (at byte 30)",
    );
    // The first view's extended data length (2 bytes after its 27 minutiae) claims one more byte.
    const extLength = 24 + 4 + 27 * 6;
    expect(message(changed(extLength + 1, 1))).toMatch(/^ISO\/IEC 19794-2:2005 template: truncated: /);
    expect(message(new Uint8Array(0))).toBe(
      "truncated: 0 byte(s) cannot hold a format identifier (at byte 0)",
    );
  });
});
