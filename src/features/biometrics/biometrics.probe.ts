import { createHash } from "node:crypto";
import {
  extractOneFace,
  FACE_TEMPLATE_DIMENSIONS,
  FaceError,
  normaliseTemplate,
} from "../../search/faces/index.ts";
import {
  type FingerprintTemplate,
  readTemplate,
  TemplateFormatError,
} from "../../search/fingerprints/formats/index.ts";
import { type CylinderTemplate, prepareTemplate } from "../../search/fingerprints/matcher/index.ts";
import { AppError } from "../../shared/errors.ts";
import { normalise as reencodePhoto } from "../records/records.photos.ts";

/*
 * Reading what is searched or enrolled: a minutiae template, a face photo or a face template. Each
 * is read whole before anything is stored, and every bad input is a 422 naming the field it came
 * in, so an enrolment, a bureau search and a screening check all refuse it the same way.
 */

/** The model of the templates the shipped extractor makes (src/search/faces/extract.ts). */
export const EXTRACTOR_MODEL = "face-api";
/** Larger than any real minutiae template (a 10-finger ISO template is a few kilobytes). */
export const MAX_TEMPLATE_BYTES = 256 * 1024;
/** What a face photo may weigh (the pixel limit is checked from the header, before decoding). */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,60}$/;

export const faceFormat = (model: string) => `face:${model}`;
export const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A 422 that names the field (`fingerprintTemplate`, `facePhoto`, `vector`, ...). */
export const unprocessable = (field: string, message: string) =>
  new AppError("unprocessable", message, { errors: [{ path: field, message }] });

/** Face templates are stored as little-endian float32 values. */
export function faceBytes(vector: Float32Array): Buffer {
  const out = Buffer.alloc(vector.length * 4);
  vector.forEach((v, i) => {
    out.writeFloatLE(v, i * 4);
  });
  return out;
}

export function faceVector(bytes: Uint8Array): Float32Array {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(Math.floor(buf.length / 4));
  for (let i = 0; i < out.length; i++) out[i] = buf.readFloatLE(i * 4);
  return out;
}

export type FingerprintProbe = {
  bytes: Buffer;
  template: FingerprintTemplate;
  minutiae: number;
  /** One prepared template per view (finger impression): a probe matches through its best view. */
  prepared: CylinderTemplate[];
};

export function readFingerprint(bytes: Uint8Array, field = "template"): FingerprintProbe {
  if (bytes.length > MAX_TEMPLATE_BYTES)
    throw new AppError("payload_too_large", `A template is at most ${MAX_TEMPLATE_BYTES} bytes.`);
  let template: FingerprintTemplate;
  try {
    template = readTemplate(bytes);
  } catch (e) {
    if (e instanceof TemplateFormatError)
      throw unprocessable(field, `The fingerprint template cannot be read: ${e.message}`);
    throw e;
  }
  const minutiae = template.views.reduce((n, v) => n + v.minutiae.length, 0);
  if (minutiae === 0) throw unprocessable(field, "The fingerprint template holds no minutiae.");
  const prepared = template.views.map((_, i) => prepareTemplate(template, i)).filter((p) => p.count > 0);
  return { bytes: Buffer.from(bytes), template, minutiae, prepared };
}

/** A face template from a capture system: its model named, its length the configured one. */
export function readFaceTemplate(
  input: { vector: readonly number[]; model: string },
  dimensions: number,
  field = "vector",
): { vector: Float32Array; format: string } {
  if (typeof input.model !== "string" || !MODEL_NAME.test(input.model))
    throw unprocessable("model", "The model is a name of 1-61 letters, digits, dots, dashes or underscores.");
  return { vector: normalisedOr422(input.vector, dimensions, field), format: faceFormat(input.model) };
}

function normalisedOr422(vector: readonly number[] | Float32Array, dimensions: number, field: string) {
  try {
    return normaliseTemplate(vector, dimensions);
  } catch (e) {
    if (e instanceof FaceError) throw unprocessable(field, `The ${e.message}.`);
    throw e;
  }
}

/** The one face of a photo, and the photo re-encoded (a plain JPEG, no metadata) to keep. */
export async function readFacePhoto(bytes: Uint8Array, field = "photo") {
  if (bytes.length > MAX_PHOTO_BYTES)
    throw new AppError("payload_too_large", `A face photo is at most ${MAX_PHOTO_BYTES} bytes.`);
  let face: Awaited<ReturnType<typeof extractOneFace>>;
  try {
    face = await extractOneFace(bytes);
  } catch (e) {
    if (e instanceof FaceError) throw unprocessable(field, `The face photo cannot be used: ${e.message}.`);
    throw e;
  }
  const photo = await reencodePhoto(bytes);
  const vector = normalisedOr422(face.template, FACE_TEMPLATE_DIMENSIONS, field);
  return { vector, format: faceFormat(EXTRACTOR_MODEL), photo };
}
