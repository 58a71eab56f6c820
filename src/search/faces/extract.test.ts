import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { sharedData } from "../../../test/shared-data.ts";
import { ImageTooLargeError, NoFaceError, SeveralFacesError, UndecodableImageError } from "./errors.ts";
import { extractFaces, extractOneFace, FACE_TEMPLATE_DIMENSIONS } from "./extract.ts";
import { FACE_MATCH_THRESHOLD } from "./threshold.ts";
import { cosineSimilarity } from "./vectors.ts";

// Real people's photos: used here and in the benchmark only (README in ../shared/data/faces).
const faces = sharedData("faces");
const photo = (...parts: string[]) => readFileSync(path.join(faces.path, ...parts));

describe("extractFaces: bad input (no photos needed)", () => {
  it("rejects bytes that are not an image, and a truncated JPEG, with UndecodableImageError", async () => {
    await expect(extractFaces(Buffer.from("not an image at all"))).rejects.toThrow(UndecodableImageError);
    await expect(extractFaces(new Uint8Array(0))).rejects.toThrow(UndecodableImageError);
    const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#808080" } })
      .jpeg()
      .toBuffer();
    await expect(extractFaces(jpeg.subarray(0, 200))).rejects.toThrow(UndecodableImageError);
  });

  it("refuses an image over the pixel limit from its header, before decoding it", async () => {
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#404040" } })
      .png()
      .toBuffer();
    await expect(extractFaces(png, { maxPixels: 100_000 })).rejects.toThrow(ImageTooLargeError);
    // A 60,000 x 60,000 header: 3.6 gigapixels claimed, a few hundred bytes sent.
    const bomb = Buffer.from(png);
    bomb.writeUInt32BE(60_000, 16);
    bomb.writeUInt32BE(60_000, 20);
    await expect(extractFaces(bomb)).rejects.toThrow(/60000x60000 pixels, over the limit/);
  });
});

describe.skipIf(!faces.available)(`extractFaces on the shared face photos ${faces.note}`, () => {
  it("matches a London person's neutral and smiling photos at the shipped threshold", async () => {
    const a = await extractOneFace(photo("london", "001_neutral.jpg"));
    const b = await extractOneFace(photo("london", "001_smiling.jpg"));
    expect(a.template).toHaveLength(FACE_TEMPLATE_DIMENSIONS);
    expect(a.score).toBeGreaterThan(0.9);
    expect(cosineSimilarity(a.template, b.template)).toBeGreaterThanOrEqual(FACE_MATCH_THRESHOLD);
  });

  it("does not match two different people", async () => {
    const a = await extractOneFace(photo("london", "001_neutral.jpg"));
    const c = await extractOneFace(photo("london", "004_neutral.jpg"));
    expect(cosineSimilarity(a.template, c.template)).toBeLessThan(FACE_MATCH_THRESHOLD);
  });

  it("finds no face in a photo of objects, and enrolment refuses it", async () => {
    const bytes = photo("no-face", "pen-and-coaster.png");
    expect((await extractFaces(bytes)).faces).toEqual([]);
    await expect(extractOneFace(bytes)).rejects.toThrow(NoFaceError);
  });

  it("finds two faces side by side, each matching that person's other photo", async () => {
    const bytes = photo("two-faces", "001-004.jpg");
    const { faces: found } = await extractFaces(bytes);
    expect(found).toHaveLength(2);
    const [left, right] = [...found].sort((p, q) => p.box.x - q.box.x);
    expect(left?.box.x).toBeLessThan(600);
    expect(right?.box.x).toBeGreaterThanOrEqual(600);
    const smiling1 = await extractOneFace(photo("london", "001_smiling.jpg"));
    expect(cosineSimilarity(left?.template ?? [], smiling1.template)).toBeGreaterThanOrEqual(
      FACE_MATCH_THRESHOLD,
    );
    expect(cosineSimilarity(right?.template ?? [], smiling1.template)).toBeLessThan(FACE_MATCH_THRESHOLD);
    await expect(extractOneFace(bytes)).rejects.toThrow(SeveralFacesError);
  });
});
