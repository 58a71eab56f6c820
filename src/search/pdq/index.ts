export {
  DEFAULT_MAX_PIXELS,
  type DecodedImage,
  type DecodeOptions,
  decodeImage,
  ImageDecodeError,
  pdqDihedralFromImage,
  pdqFromImage,
} from "./decode.ts";
export { DIHEDRAL_VARIANTS, type DihedralVariant } from "./dihedral.ts";
export { md5Hex, sha256Hex } from "./exact.ts";
export {
  formatPdqHex,
  hamming,
  InvalidPdqHashError,
  PDQ_HASH_BITS,
  PDQ_HASH_BYTES,
  type PdqHash,
  parsePdqHex,
  pdqHashToWords,
  toPdqHash,
  wordsToPdqHash,
} from "./hash.ts";
export { type PdqDihedralResult, type PdqResult, pdqDihedralFromRgb, pdqFromRgb } from "./pdq.ts";
