import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { shippedReference } from "../../../../test/shared-data.ts";
import {
  convertAngle,
  convertRecord,
  readRecord,
  readTemplate,
  TemplateConversionError,
  type TemplateFormatId,
  writeRecord,
} from "./index.ts";
import type { Iso2005Record } from "./records.ts";

const sample = (folder: string) =>
  new Uint8Array(readFileSync(shippedReference("fingerprints", "formats", folder, `${folder}-sample.dat`)));

const TARGETS: TemplateFormatId[] = [
  "iso-19794-2-2005",
  "iso-19794-2-2011",
  "ansi-378-2004",
  "ansi-378-2009",
  "ansi-378-2009-am1",
];

describe("angle units between the families", () => {
  it("maps ISO's 256 units and ANSI's 180 units onto the same direction", () => {
    expect(convertAngle(64, "iso", "ansi")).toBe(45); // 90°
    expect(convertAngle(45, "ansi", "iso")).toBe(64);
    expect(convertAngle(255, "iso", "ansi")).toBe(179); // 358.6° -> 358°
    expect(convertAngle(179, "ansi", "iso")).toBe(255);
    expect(convertAngle(80, "iso", "ansi")).toBe(56); // the golden samples' first minutia
    expect(convertAngle(80, "iso", "iso")).toBe(80);
  });

  it("moves an ISO angle by at most one ISO unit on an ISO -> ANSI -> ISO round trip", () => {
    for (let raw = 0; raw < 256; raw++) {
      const back = convertAngle(convertAngle(raw, "iso", "ansi"), "ansi", "iso");
      const diff = Math.min(Math.abs(back - raw), 256 - Math.abs(back - raw));
      expect(diff).toBeLessThanOrEqual(1);
    }
  });
});

describe("ISO <-> ANSI conversion", () => {
  const iso = readRecord(sample("iso19794p2v2005")) as Iso2005Record;

  for (const target of TARGETS) {
    it(`ISO 2005 -> ${target}: same minutiae and directions, readable bytes`, () => {
      const { record, dropped } = convertRecord(iso, target, { vendorId: 0x42, subformat: 0x11 });
      const bytes = writeRecord(record);
      const read = readTemplate(bytes);
      expect(read.format).toBe(target);
      const original = readTemplate(writeRecord(iso));
      expect(read.views).toHaveLength(original.views.length);
      for (const [v, view] of read.views.entries()) {
        const before = original.views[v];
        expect(view.position).toBe(before?.position);
        expect(view.width).toBe(512);
        expect(view.minutiae.map((m) => [m.x, m.y, m.type])).toEqual(
          before?.minutiae.map((m) => [m.x, m.y, m.type]),
        );
        for (const [j, m] of view.minutiae.entries()) {
          const d = Math.abs(
            ((m.angle - (before?.minutiae[j]?.angle ?? 0) + 3 * Math.PI) % (2 * Math.PI)) - Math.PI,
          );
          expect(d).toBeLessThanOrEqual(Math.PI / 180 + 1e-9); // within 1° (half an ANSI unit)
        }
      }
      // The second view's vendor block (type 0x0221) has no meaning outside its format.
      expect(dropped).toEqual(["view 1: extended data block type 0x0221"]);
    });
  }

  it("ANSI 2009 -> ISO 2011 -> ANSI 2009 keeps minutiae, qualities and ridge counts", () => {
    const ansi = readRecord(sample("ansi378v2009"));
    const there = convertRecord(ansi, "iso-19794-2-2011").record;
    const back = convertRecord(readRecord(writeRecord(there)), "ansi-378-2009").record;
    const strip = (r: typeof ansi) =>
      readTemplate(writeRecord(r)).views.map((v) => ({ ...v, minutiae: v.minutiae.length }));
    expect(strip(back)).toEqual(strip(ansi));
    const counts = (r: typeof ansi) =>
      r.views.map((v) => v.extensions.find((b) => b.type === 1)?.ridgeCounts?.edges);
    expect(counts(back)).toEqual(counts(ansi));
  });

  it("refuses to write views of different image sizes into the single-header 2005 layout", () => {
    const ansi = readRecord(sample("ansi378v2009"));
    if (ansi.format !== "ansi-378-2009") throw new Error("unexpected format");
    const [first, second] = ansi.views;
    if (!first || !second) throw new Error("two views expected");
    const mixed = { ...ansi, views: [first, { ...second, width: 400 }] };
    expect(() => convertRecord(mixed, "iso-19794-2-2005")).toThrow(TemplateConversionError);
  });

  it("converts core and delta angles and their encodings", () => {
    // One core at 180° and one delta at 0°, 90°, 270°, ISO encoding (angle flag above x).
    const block = new Uint8Array([1, 0x40, 200, 0, 210, 128, 1, 0x40, 100, 1, 44, 0, 64, 192]);
    const [first] = iso.views;
    if (!first) throw new Error("a view expected");
    const withCores: Iso2005Record = {
      ...iso,
      views: [{ ...first, extensions: [{ type: 2, data: block }] }],
    };
    const decoded = readRecord(writeRecord(withCores));
    expect(decoded.views[0]?.extensions[0]?.coreDelta).toEqual({
      cores: [{ x: 200, y: 210, angles: [128], infoBits: 1 }],
      deltas: [{ x: 100, y: 300, angles: [0, 64, 192], infoBits: 1 }],
      coreFlags: 0,
      deltaFlags: 0,
    });
    const ansi = convertRecord(decoded, "ansi-378-2004");
    expect(ansi.dropped).toEqual([]);
    const back = readRecord(writeRecord(ansi.record));
    expect(back.views[0]?.extensions[0]?.coreDelta).toEqual({
      cores: [{ x: 200, y: 210, angles: [90], infoBits: 0 }],
      deltas: [{ x: 100, y: 300, angles: [0, 45, 135], infoBits: 0 }],
      coreFlags: 0x40,
      deltaFlags: 0x40,
    });
    // An undecoded block is dropped, never reinterpreted.
    const raw: Iso2005Record = { ...iso, views: [{ ...first, extensions: [{ type: 2, data: block }] }] };
    expect(convertRecord(raw, "ansi-378-2004").dropped).toEqual(["view 0: extended data block type 0x0002"]);
  });
});
