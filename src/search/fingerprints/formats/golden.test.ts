import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { shippedReference } from "../../../../test/shared-data.ts";
import { asGoldenJson } from "./golden-json.test-support.ts";
import { detectFormat, readRecord, readTemplate, type TemplateFormatId, writeRecord } from "./index.ts";

const SAMPLES: [folder: string, format: TemplateFormatId][] = [
  ["iso19794p2v2005", "iso-19794-2-2005"],
  ["iso19794p2v2011", "iso-19794-2-2011"],
  ["ansi378v2004", "ansi-378-2004"],
  ["ansi378v2009", "ansi-378-2009"],
  ["ansi378v2009am1", "ansi-378-2009-am1"],
];

const sample = (folder: string, ext: "dat" | "json") =>
  readFileSync(shippedReference("fingerprints", "formats", folder, `${folder}-sample.${ext}`));

describe("golden template samples (one per standard version)", () => {
  for (const [folder, format] of SAMPLES) {
    describe(folder, () => {
      const bytes = new Uint8Array(sample(folder, "dat"));
      const expected = JSON.parse(sample(folder, "json").toString("utf8"));

      it("is told apart by its structure", () => {
        expect(detectFormat(bytes)).toBe(format);
      });

      it("decodes every field to the values of the JSON beside it", () => {
        expect(asGoldenJson(readRecord(bytes))).toEqual(expected);
      });

      it("writes back the identical bytes", () => {
        expect(Buffer.from(writeRecord(readRecord(bytes))).equals(Buffer.from(bytes))).toBe(true);
      });

      it("gives the matcher's view: two fingers, minutiae in radians, size and resolution per view", () => {
        const template = readTemplate(bytes);
        expect(template.format).toBe(format);
        expect(template.views.map((v) => v.position)).toEqual([7, 2]);
        const fingers = expected.fingerprints as { minutiae: { angle: number; type: string }[] }[];
        for (const [i, view] of template.views.entries()) {
          expect(view).toMatchObject({ width: 512, height: 512, resolutionX: 197, resolutionY: 197 });
          const raw = fingers[i]?.minutiae ?? [];
          expect(view.minutiae).toHaveLength(raw.length);
          const unit = format.startsWith("iso") ? (2 * Math.PI) / 256 : (2 * Math.PI) / 180;
          for (const [j, m] of view.minutiae.entries()) {
            expect(m.rawAngle).toBe(raw[j]?.angle);
            expect(m.angle).toBeCloseTo(((raw[j]?.angle ?? 0) * unit) % (2 * Math.PI), 12);
            expect(m.angle).toBeGreaterThanOrEqual(0);
            expect(m.angle).toBeLessThan(2 * Math.PI);
            const expectedType =
              { ENDING: "ending", BIFURCATION: "bifurcation" }[raw[j]?.type ?? ""] ?? "other";
            expect(m.type).toBe(expectedType);
          }
        }
      });
    });
  }

  it("reads the same minutia at 1.40625° per unit in ISO and 2° per unit in ANSI", () => {
    // The first minutia of the left index finger: ISO 2005 stores 80 (112.5°), ANSI 2009 stores 56 (112°).
    const iso = readTemplate(new Uint8Array(sample("iso19794p2v2005", "dat"))).views[0]?.minutiae[0];
    const ansi = readTemplate(new Uint8Array(sample("ansi378v2009", "dat"))).views[0]?.minutiae[0];
    expect(((iso?.angle ?? 0) * 180) / Math.PI).toBeCloseTo(112.5, 10);
    expect(((ansi?.angle ?? 0) * 180) / Math.PI).toBeCloseTo(112, 10);
    expect({ x: iso?.x, y: iso?.y }).toEqual({ x: ansi?.x, y: ansi?.y });
  });
});
