export { type HashVideoOptions, hashVideo, type VideoFrameHash, type VideoHash } from "./hash-video.ts";
export {
  VPDQ_DEFAULTS,
  type VpdqFrame,
  type VpdqMatchOptions,
  type VpdqMatchResult,
  vpdqMatch,
} from "./match.ts";
export {
  hasFfmpeg,
  probeVideo,
  VideoDecodeError,
  type VideoInfo,
  VideoToolMissingError,
  type VideoToolOptions,
} from "./tools.ts";
