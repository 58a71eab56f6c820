import { readFileSync } from "node:fs";
import { shippedReference } from "../../../test/shared-data.ts";
import { readRecord, writeRecord } from "../../search/fingerprints/formats/index.ts";
import {
  perturbMinutiae,
  randomMinutiae,
  seededRandom,
} from "../../search/fingerprints/matcher/synthetic.ts";

/*
 * Test material for the biometric search tests: ISO/IEC 19794-2:2005 templates of synthetic fingers
 * (the golden sample's header, minutiae from the matcher's seeded generator), other impressions of
 * the same finger, and face vectors with a near copy. Fictitious: no person's biometrics.
 */

const sample = () =>
  readFileSync(shippedReference("fingerprints", "formats", "iso19794p2v2005", "iso19794p2v2005-sample.dat"));

type Point = { x: number; y: number; angle: number };

/** Minutiae (x/y frame, radians) as an ISO 2005 template of one right index finger at 500 dpi. */
export function isoTemplate(points: readonly Point[]): Buffer {
  const record = readRecord(sample());
  if (record.format !== "iso-19794-2-2005") throw new Error("the golden sample is not ISO 2005");
  const turn = 2 * Math.PI;
  const written = {
    ...record,
    width: 300,
    height: 400,
    resolutionX: 197,
    resolutionY: 197,
    declaredLength: undefined,
    views: [
      {
        position: 2,
        viewNumber: 0,
        impressionType: 0,
        quality: 80,
        extensions: [],
        minutiae: points.map((p) => ({
          typeCode: 1,
          x: Math.round(p.x),
          y: Math.round(p.y),
          // The matcher reads angles counter-clockwise on the image (y down): the x/y angle negated.
          angle: Math.round((((-p.angle % turn) + turn) % turn) * (256 / turn)) % 256,
          quality: 60,
        })),
      },
    ],
  };
  return Buffer.from(writeRecord(written));
}

/** A synthetic finger: its enrolment template, and another impression of it to search with. */
export function finger(seed: number) {
  const base = randomMinutiae(40, seededRandom(seed));
  const again = perturbMinutiae(
    base,
    { jitter: 2, angleJitter: 0.05, drop: 0.1, dx: 4, dy: -3 },
    seededRandom(seed + 7),
  );
  return { enrolled: isoTemplate(base), probe: isoTemplate(again) };
}

/** A face vector of `dimension` values, and a near copy of it (the same face, another capture). */
export function face(seed: number, dimension: number) {
  const random = seededRandom(seed);
  const vector = Array.from({ length: dimension }, () => random() - 0.5);
  const near = vector.map((v) => v + (random() - 0.5) * 0.02);
  return { vector, near };
}
