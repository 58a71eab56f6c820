import { readAnsi2009, writeAnsi2009 } from "./ansi2009.ts";
import { toCommonTemplate } from "./common.ts";
import { detectFormat } from "./detect.ts";
import { readIso2011, writeIso2011 } from "./iso2011.ts";
import { readAnsi2004, readIso2005, writeAnsi2004, writeIso2005 } from "./legacy.ts";
import type { TemplateRecord } from "./records.ts";
import { type FingerprintTemplate, TemplateFormatError } from "./types.ts";

/**
 * Reads a template into the record of its standard (every field, raw). Any problem with the bytes
 * is a TemplateFormatError naming the field and byte offset.
 */
export function readRecord(bytes: Uint8Array): TemplateRecord {
  const format = detectFormat(bytes);
  try {
    switch (format) {
      case "iso-19794-2-2005":
        return readIso2005(bytes);
      case "ansi-378-2004":
        return readAnsi2004(bytes);
      case "iso-19794-2-2011":
        return readIso2011(bytes);
      case "ansi-378-2009":
      case "ansi-378-2009-am1":
        return readAnsi2009(bytes, format);
    }
  } catch (error) {
    if (error instanceof TemplateFormatError) throw error.within(formatName(format));
    throw error;
  }
}

/** Writes a record back; a record that was read gives back the same bytes. */
export function writeRecord(record: TemplateRecord): Uint8Array {
  switch (record.format) {
    case "iso-19794-2-2005":
      return writeIso2005(record);
    case "ansi-378-2004":
      return writeAnsi2004(record);
    case "iso-19794-2-2011":
      return writeIso2011(record);
    case "ansi-378-2009":
    case "ansi-378-2009-am1":
      return writeAnsi2009(record);
  }
}

/** Reads any supported minutiae template, telling the format apart from its own header. */
export function readTemplate(bytes: Uint8Array): FingerprintTemplate {
  return toCommonTemplate(readRecord(bytes));
}

export function formatName(format: TemplateRecord["format"]): string {
  return {
    "iso-19794-2-2005": "ISO/IEC 19794-2:2005",
    "iso-19794-2-2011": "ISO/IEC 19794-2:2011",
    "ansi-378-2004": "ANSI INCITS 378-2004",
    "ansi-378-2009": "ANSI INCITS 378-2009",
    "ansi-378-2009-am1": "ANSI INCITS 378-2009/Amd 1",
  }[format];
}
