import { describe, expect, it } from "vitest";
import { normaliseTemplate } from "../../search/faces/index.ts";
import { prepareMinutiae } from "../../search/fingerprints/matcher/index.ts";
import {
  perturbMinutiae,
  randomMinutiae,
  seededRandom,
} from "../../search/fingerprints/matcher/synthetic.ts";
import { FaceGalleries } from "./face-galleries.ts";
import { FingerprintGalleries } from "./fingerprint-galleries.ts";
import type { TemplateVisibility } from "./gallery-visibility.ts";

/*
 * The in-memory galleries past their small sizes: a fingerprint group large enough to be searched
 * through a FingerprintGallery (with templates enrolled and retracted since it was built), and a
 * face group large enough for the HNSW graph - each still answering only what the viewer may see.
 */

const open: TemplateVisibility = {
  owner: "FR",
  distribution: "all",
  distributionCountries: [],
  notice: null,
};
const onlyKe: TemplateVisibility = {
  owner: "FR",
  distribution: "only",
  distributionCountries: ["KE"],
  notice: null,
};
const us = { country: "US", isSecretariat: false };
const ke = { country: "KE", isSecretariat: false };

describe("FingerprintGalleries with a built gallery", () => {
  const fingers = Array.from({ length: 320 }, (_, i) => randomMinutiae(36, seededRandom(1000 + i)));
  const entry = (i: number, visibility = open) => ({
    templateId: `t${i}`,
    recordId: `r${i}`,
    views: [prepareMinutiae(fingers[i] ?? [])],
    visibility,
  });
  const probeOf = (i: number) => [
    prepareMinutiae(perturbMinutiae(fingers[i] ?? [], { jitter: 2, drop: 0.1 }, seededRandom(i))),
  ];

  it("finds the finger, follows retractions and enrolments, and ranks only visible groups", () => {
    const g = new FingerprintGalleries();
    for (let i = 0; i < 300; i++) g.put(entry(i));
    expect(g.search(probeOf(17), us, 3)[0]?.templateId).toBe("t17");
    g.remove("t17");
    expect(g.search(probeOf(17), us, 3).map((c) => c.templateId)).not.toContain("t17");
    g.put(entry(310));
    expect(g.search(probeOf(310), us, 3)[0]?.templateId).toBe("t310");
    g.put(entry(311, onlyKe));
    expect(g.search(probeOf(311), us, 3).map((c) => c.templateId)).not.toContain("t311");
    expect(g.search(probeOf(311), ke, 3)[0]?.templateId).toBe("t311");
    // Moving a template to another rule (a narrowed distribution) takes it out of the first.
    g.put(entry(42, onlyKe));
    expect(g.search(probeOf(42), us, 3).map((c) => c.templateId)).not.toContain("t42");
    expect(g.size).toBe(301);
  });
});

describe("FaceGalleries through the HNSW graph", () => {
  const random = seededRandom(5);
  const vectors = Array.from({ length: 2100 }, () => Array.from({ length: 64 }, () => random() - 0.5));
  const unit = (v: number[]) => normaliseTemplate(v, 64);

  it("finds the face among 2,100, and nothing of another model or of a hidden group", () => {
    const g = new FaceGalleries();
    vectors.forEach((v, i) => {
      g.put({
        templateId: `f${i}`,
        recordId: `r${i}`,
        format: "face:m",
        vector: unit(v),
        visibility: i === 7 ? onlyKe : open,
      });
    });
    const near = (i: number) => unit((vectors[i] ?? []).map((x) => x + (random() - 0.5) * 0.01));
    expect(g.search("face:m", near(1234), us, 5)[0]).toMatchObject({ templateId: "f1234" });
    expect(g.search("face:m", near(1234), us, 5)[0]?.score).toBeGreaterThan(0.99);
    expect(g.search("face:other", near(1234), us, 5)).toEqual([]);
    expect(g.search("face:m", near(7), us, 5).map((c) => c.templateId)).not.toContain("f7");
    expect(g.search("face:m", near(7), ke, 1)[0]?.templateId).toBe("f7");
    g.remove("f1234");
    expect(g.search("face:m", near(1234), us, 5).map((c) => c.templateId)).not.toContain("f1234");
  });
});
