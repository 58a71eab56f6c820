/**
 * The per-standard records: every field a file holds, raw (codes and angle units as stored), so that
 * writing a record that was read gives back the same bytes. The common matcher view is in types.ts.
 */

/** A minutia as stored: type code (0 other, 1 ending, 2 bifurcation), angle in the file's units. */
export type RawMinutia = {
  typeCode: number;
  x: number;
  y: number;
  angle: number;
  /** 0..100; ISO 2011 records written with 5-byte minutiae have none (254 = not reported). */
  quality: number;
};

/** Ridge-count extended data (type 1): how edges were picked, then (from, to, count) triples. */
export type RidgeCounts = {
  /** 0 unspecified, 1 four nearest neighbours (quadrants), 2 eight nearest (octants). */
  method: number;
  edges: { from: number; to: number; count: number }[];
  /** Bytes after the last whole triple (a malformed block some writers produce), kept for writing back. */
  trailing: Uint8Array;
};

/** A core (one angle at most) or a delta (three angles at most); angles in the file's units. */
export type SingularPoint = {
  x: number;
  y: number;
  angles: number[];
  /** ISO only: the two bits stored above the x coordinate (bit 0 set = angles present). */
  infoBits: number;
};

/** Core and delta extended data (type 2). */
export type CoreDelta = {
  cores: SingularPoint[];
  deltas: SingularPoint[];
  /** ANSI only: the high nibble of the core / delta count bytes (0x40 = angles present). */
  coreFlags: number;
  deltaFlags: number;
};

/**
 * One extended data block. `data` is what is written back; `ridgeCounts` / `coreDelta` are its
 * decoded form when the block type is known and its content could be decoded.
 */
export type ExtensionBlock = {
  type: number;
  data: Uint8Array;
  ridgeCounts?: RidgeCounts;
  coreDelta?: CoreDelta;
};

/** A finger view of the 2004/2005 layouts (image size and resolution are in the header). */
export type LegacyView = {
  position: number;
  viewNumber: number;
  impressionType: number;
  quality: number;
  minutiae: RawMinutia[];
  extensions: ExtensionBlock[];
};

export type Iso2005Record = {
  format: "iso-19794-2-2005";
  /** Capture equipment compliance (4 bits; bit 3 = certified) and equipment id (12 bits). */
  equipmentCompliance: number;
  equipmentId: number;
  width: number;
  height: number;
  /** Pixels per centimetre. */
  resolutionX: number;
  resolutionY: number;
  /** The reserved header byte, kept so that a template reads and writes back unchanged. */
  reserved: number;
  /** " 20" as the standards define it; "020" as the ANSI 378-2004 standard's own sample misprints it. */
  version: " 20" | "020";
  declaredLength?: number;
  views: LegacyView[];
};

export type Ansi2004Record = Omit<Iso2005Record, "format"> & {
  format: "ansi-378-2004";
  /** CBEFF product identifier: owner (vendor) and type (vendor's subformat). */
  vendorId: number;
  subformat: number;
  /** The record length was stored in the 6-byte form (0 then 32 bits), needed above 65,535 bytes. */
  longLength: boolean;
};

export type Ansi2009View = {
  position: number;
  viewNumber: number;
  impressionType: number;
  quality: number;
  qualityVendorId: number;
  qualityAlgorithmId: number;
  width: number;
  height: number;
  resolutionX: number;
  resolutionY: number;
  minutiae: RawMinutia[];
  extensions: ExtensionBlock[];
};

export type Ansi2009Record = {
  format: "ansi-378-2009" | "ansi-378-2009-am1";
  vendorId: number;
  subformat: number;
  /** Capture equipment compliance byte (0x80 = certified). */
  equipmentCompliance: number;
  equipmentId: number;
  reserved: number;
  declaredLength?: number;
  views: Ansi2009View[];
};

/** Capture date and time of ISO 2011; 0xff / 0xffff in a field means "not given". */
export type CaptureDateTime = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
};

export type QualityRecord = { quality: number; vendorId: number; algorithmId: number };
export type CertificationRecord = { authorityId: number; schemeId: number };

export type Iso2011View = {
  captured: CaptureDateTime;
  captureTechnology: number;
  equipmentVendorId: number;
  equipmentId: number;
  qualities: QualityRecord[];
  certifications: CertificationRecord[];
  position: number;
  viewNumber: number;
  resolutionX: number;
  resolutionY: number;
  impressionType: number;
  width: number;
  height: number;
  /** 6 when each minutia carries a quality byte, 5 when not. */
  minutiaSize: 5 | 6;
  /** 0: ending placed at the valley skeleton bifurcation, 1: at the ridge skeleton end point. */
  ridgeEndingType: number;
  minutiae: RawMinutia[];
  extensions: ExtensionBlock[];
};

export type Iso2011Record = {
  format: "iso-19794-2-2011";
  /** 1 when every view carries a certification block count (then possibly empty). */
  certificationFlag: number;
  declaredLength?: number;
  views: Iso2011View[];
};

/**
 * Every record may carry `declaredLength`: the header's length field when it disagrees with the real
 * length (see checkDeclaredLength), written back as read; absent when the field is right.
 */
export type TemplateRecord = Iso2005Record | Ansi2004Record | Ansi2009Record | Iso2011Record;
