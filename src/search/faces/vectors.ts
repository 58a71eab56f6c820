import { InvalidTemplateError, TemplateDimensionError } from "./errors.ts";

/** A face template as it arrives: from the extractor, or as a float list from a capture system. */
export type TemplateInput = Float32Array | readonly number[];

/**
 * Checks the dimension and values of a template and returns a unit-length Float32Array copy.
 * Templates are compared by cosine similarity, so storing them normalised makes the dot product the
 * similarity and keeps quantised storage in a fixed range.
 */
export function normaliseTemplate(template: TemplateInput, dimensions: number): Float32Array {
  if (template.length !== dimensions) throw new TemplateDimensionError(dimensions, template.length);
  let sum = 0;
  for (let i = 0; i < template.length; i++) {
    const v = template[i] as number;
    if (!Number.isFinite(v)) throw new InvalidTemplateError(`value ${i} is ${v}`);
    sum += v * v;
  }
  if (sum === 0) throw new InvalidTemplateError("all values are zero");
  const scale = 1 / Math.sqrt(sum);
  const out = new Float32Array(dimensions);
  for (let i = 0; i < dimensions; i++) out[i] = (template[i] as number) * scale;
  return out;
}

/** Cosine similarity of two templates of equal length (any scale). */
export function cosineSimilarity(a: TemplateInput, b: TemplateInput): number {
  if (a.length !== b.length) throw new TemplateDimensionError(a.length, b.length);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
