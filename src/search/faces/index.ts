export * from "./errors.ts";
export {
  type ExtractedFace,
  type ExtractOptions,
  extractFaces,
  extractOneFace,
  FACE_TEMPLATE_DIMENSIONS,
  type FaceBox,
} from "./extract.ts";
export {
  DEFAULT_HNSW,
  type FaceCandidate,
  FaceIndex,
  type FaceIndexOptions,
  type SearchOptions,
} from "./face-index.ts";
export { FACE_MATCH_THRESHOLD } from "./threshold.ts";
export { cosineSimilarity, normaliseTemplate, type TemplateInput } from "./vectors.ts";
