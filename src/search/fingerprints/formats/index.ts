export type { AngleFamily } from "./common.ts";
export { angleToRadians, radiansToAngle, toCommonTemplate } from "./common.ts";
export type { Conversion, ConversionOptions } from "./convert.ts";
export { convertAngle, convertRecord, TemplateConversionError } from "./convert.ts";
export { detectFormat } from "./detect.ts";
export { formatName, readRecord, readTemplate, writeRecord } from "./read.ts";
export type * from "./records.ts";
export type {
  FingerprintTemplate,
  FingerprintView,
  Minutia,
  MinutiaType,
  TemplateFormatId,
} from "./types.ts";
export { TemplateFormatError } from "./types.ts";
