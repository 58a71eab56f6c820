import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedData } from "../../../../test/shared-data.ts";
import { readRecord, readTemplate, TemplateFormatError, writeRecord } from "./index.ts";

// Research-use FVC templates: read from the shared reference data, never copied into the repository.
const data = sharedData("fingerprints");

function templateFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".iso")) found.push(full);
    }
  };
  walk(folder);
  return found.sort();
}

describe.skipIf(!data.available)(`FVC 2002/2004 ISO 19794-2:2005 templates ${data.note}`, () => {
  it("reads all 640 valid templates and writes each back byte for byte", () => {
    const files = templateFiles(path.join(data.path, "fvc-iso", "valid"));
    expect(files).toHaveLength(640);
    let minutiae = 0;
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(file));
      const record = readRecord(bytes);
      expect(record.format, file).toBe("iso-19794-2-2005");
      expect(Buffer.from(writeRecord(record)).equals(Buffer.from(bytes)), file).toBe(true);
      const template = readTemplate(bytes);
      expect(template.views, file).toHaveLength(1);
      const view = template.views[0];
      // The README of the set: headers always say 300x400.
      expect(view, file).toMatchObject({ width: 300, height: 400 });
      for (const m of view?.minutiae ?? []) {
        expect(m.angle).toBeGreaterThanOrEqual(0);
        expect(m.angle).toBeLessThan(2 * Math.PI);
      }
      minutiae += view?.minutiae.length ?? 0;
    }
    expect(minutiae / files.length).toBeGreaterThan(10);
  });

  it("rejects every truncated template with a TemplateFormatError naming the truncation and offset", () => {
    const files = templateFiles(path.join(data.path, "fvc-iso", "invalid"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(file));
      let error: unknown;
      try {
        readTemplate(bytes);
      } catch (caught) {
        error = caught;
      }
      expect(error, file).toBeInstanceOf(TemplateFormatError);
      const formatError = error as TemplateFormatError;
      expect(formatError.message).toMatch(/^ISO\/IEC 19794-2:2005 template: truncated: .* \(at byte \d+\)$/);
      expect(formatError.offset).toBeGreaterThanOrEqual(0);
      expect(formatError.offset).toBeLessThanOrEqual(bytes.length);
    }
  });
});
