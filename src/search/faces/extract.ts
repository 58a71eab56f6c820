/**
 * Face photo -> face templates, in process: detect every face, align it on its 68 landmarks, and
 * compute its 128-value template. Comparing two templates is cosine similarity (see threshold.ts).
 */
import sharp from "sharp";
import { faceApi } from "./backend.ts";
import { decodePhoto, type RgbImage } from "./decode.ts";
import { NoFaceError, SeveralFacesError } from "./errors.ts";

/** Length of the templates this extractor produces (a capture system's may differ). */
export const FACE_TEMPLATE_DIMENSIONS = 128;
/** Detector confidence below which a detection is dropped (the package's default). */
export const MIN_DETECTION_SCORE = 0.5;

export type FaceBox = { x: number; y: number; width: number; height: number };
export type ExtractedFace = {
  /** Where the face is, in pixels of the photo as stored (after EXIF rotation). */
  box: FaceBox;
  /** Detector confidence, 0..1. */
  score: number;
  template: Float32Array;
};
export type ExtractOptions = { maxPixels?: number };

/**
 * Every face in the photo, most confident first; none is a valid answer here. Throws
 * UndecodableImageError or ImageTooLargeError for bad input.
 */
export async function extractFaces(
  image: Uint8Array,
  options: ExtractOptions = {},
): Promise<{ faces: ExtractedFace[] }> {
  const photo = await decodePhoto(image, options.maxPixels);
  const api = await faceApi();
  let faces = await detect(api, photo.image);
  // The SSD detector misses faces that fill the frame (tight 240x240 booking thumbnails): a second
  // look with the photo centred in a grey margin as wide as the photo finds most of them.
  if (faces.length === 0) {
    const framed = await withMargin(photo.image);
    faces = (await detect(api, framed.image)).map((f) => ({ ...f, box: framed.back(f.box) }));
  }
  const scaled = faces.map((f) => ({ ...f, box: toStored(f.box, photo.scale, photo.image) }));
  return { faces: scaled.sort((a, b) => b.score - a.score) };
}

/** Enrolment: the one face in the photo; NoFaceError or SeveralFacesError otherwise. */
export async function extractOneFace(
  image: Uint8Array,
  options: ExtractOptions = {},
): Promise<ExtractedFace> {
  const { faces } = await extractFaces(image, options);
  if (faces.length === 0) throw new NoFaceError();
  if (faces.length > 1) throw new SeveralFacesError(faces.length);
  return faces[0] as ExtractedFace;
}

async function detect(api: Awaited<ReturnType<typeof faceApi>>, image: RgbImage) {
  const input = api.tf.tensor3d(image.pixels, [image.height, image.width, 3], "int32");
  try {
    const found = await api
      .detectAllFaces(input, new api.SsdMobilenetv1Options({ minConfidence: MIN_DETECTION_SCORE }))
      .withFaceLandmarks()
      .withFaceDescriptors();
    return found.map((f) => {
      const b = f.detection.box;
      return {
        score: f.detection.score,
        box: { x: b.x, y: b.y, width: b.width, height: b.height },
        template: Float32Array.from(f.descriptor),
      };
    });
  } finally {
    input.dispose();
  }
}

/**
 * The photo, at most MARGIN_SIDE px on its long side (a face that fills the frame stays large), in
 * a grey margin as wide as that on every side; `back` maps a box found there to the working image.
 */
const MARGIN_SIDE = 640;

async function withMargin(image: RgbImage): Promise<{ image: RgbImage; back: (box: FaceBox) => FaceBox }> {
  const shrink = Math.min(1, MARGIN_SIDE / Math.max(image.width, image.height));
  const inner = { width: Math.round(image.width * shrink), height: Math.round(image.height * shrink) };
  const margin = Math.max(inner.width, inner.height);
  const { data, info } = await sharp(image.pixels, {
    raw: { width: image.width, height: image.height, channels: 3 },
  })
    .resize(inner.width, inner.height)
    .extend({
      top: margin,
      bottom: margin,
      left: margin,
      right: margin,
      background: { r: 128, g: 128, b: 128 },
    })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pixels = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const back = (b: FaceBox): FaceBox => ({
    x: (b.x - margin) / shrink,
    y: (b.y - margin) / shrink,
    width: b.width / shrink,
    height: b.height / shrink,
  });
  return { image: { pixels, width: info.width, height: info.height }, back };
}

/** Box in the working image -> box in the stored photo, clipped to it. */
function toStored(box: FaceBox, scale: number, image: RgbImage): FaceBox {
  const x0 = Math.max(0, box.x);
  const y0 = Math.max(0, box.y);
  const x1 = Math.min(image.width, box.x + box.width);
  const y1 = Math.min(image.height, box.y + box.height);
  const r = (v: number) => Math.round(v / scale);
  return { x: r(x0), y: r(y0), width: r(x1 - x0), height: r(y1 - y0) };
}
