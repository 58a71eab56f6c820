/**
 * vPDQ-style video hashing: PDQ hashes of frames sampled at a fixed rate, as Meta's vPDQ reference
 * samples them, decoded by ffmpeg and streamed into the PDQ hasher one raw RGB frame at a time.
 *
 * What vPDQ does, and so what this does:
 * - frames are chosen by decoded frame number: every k-th, k = trunc(frame rate / frames per second)
 *   (at least 1), where the frame rate is the stream's average rate (else its base rate). ffmpeg's
 *   `select` filter does this; its `fps` filter would resample by timestamp, which is not the same;
 * - each frame is hashed at the stream's own size as 8-bit RGB (vPDQ converts with swscale's "area"
 *   method; ffmpeg is told the same), with no rotation applied from the container's metadata;
 * - a frame's timestamp is its frame number / frame rate, reported to the millisecond.
 *
 * Memory is bounded by one frame: ffmpeg writes raw frames to a pipe, each is hashed as soon as it is
 * complete, and a slow hasher holds ffmpeg back through the pipe. No temporary files.
 */
import { stat } from "node:fs/promises";
import { DEFAULT_MAX_PIXELS, pdqFromRgb } from "../pdq/index.ts";
import {
  fileInput,
  firstErrorLine,
  INPUT_HARDENING,
  probeVideo,
  resolveTools,
  startTool,
  VideoDecodeError,
  type VideoToolOptions,
} from "./tools.ts";

/** vPDQ refuses frames smaller than this in either dimension. */
const MIN_FRAME_SIDE = 5;

export interface HashVideoOptions extends VideoToolOptions {
  /** Frames hashed per second of video (vPDQ: 1 / seconds_per_hash). Default 1. */
  framesPerSecond?: number;
  /** Hash only the first this many seconds. */
  maxSeconds?: number;
  signal?: AbortSignal;
  /** Videos whose frames exceed this many pixels are refused. Default 50 million, as for images. */
  maxFramePixels?: number;
}

export interface VideoFrameHash {
  /** The frame's number in the decoded stream, from 0 (vPDQ's frame_number). */
  index: number;
  timestampSeconds: number;
  /** PDQ hash, 64 lowercase hex digits. */
  pdq: string;
  /** 0..100; vPDQ ignores frames below 50 when matching. */
  quality: number;
}

export interface VideoHash {
  /** The whole video's duration (not only the part hashed with maxSeconds). */
  durationSeconds: number;
  width: number;
  height: number;
  frameRate: number;
  frames: VideoFrameHash[];
}

function checkOptions(options: HashVideoOptions): {
  framesPerSecond: number;
  maxSeconds: number | undefined;
} {
  const { framesPerSecond = 1, maxSeconds } = options;
  if (!(Number.isFinite(framesPerSecond) && framesPerSecond > 0)) {
    throw new RangeError(`framesPerSecond must be a positive number (got ${framesPerSecond}).`);
  }
  if (maxSeconds !== undefined && !(Number.isFinite(maxSeconds) && maxSeconds > 0)) {
    throw new RangeError(`maxSeconds must be a positive number (got ${maxSeconds}).`);
  }
  return { framesPerSecond, maxSeconds };
}

/**
 * Hashes a video file's frames with PDQ. Throws VideoToolMissingError or VideoDecodeError; a path
 * that is not a readable file fails like fs.stat (ENOENT, ...).
 */
export async function hashVideo(filePath: string, options: HashVideoOptions = {}): Promise<VideoHash> {
  const { framesPerSecond, maxSeconds } = checkOptions(options);
  const { signal } = options;
  signal?.throwIfAborted();
  if (!(await stat(filePath)).isFile()) throw new VideoDecodeError("Not a file.");
  const info = await probeVideo(filePath, options);
  signal?.throwIfAborted();
  const { width, height, frameRate } = info;
  if (width < MIN_FRAME_SIDE || height < MIN_FRAME_SIDE) {
    throw new VideoDecodeError(`Video frames of ${width}x${height} are too small to hash.`);
  }
  const maxPixels = options.maxFramePixels ?? DEFAULT_MAX_PIXELS;
  if (width * height > maxPixels) {
    throw new VideoDecodeError(`Video frames are larger than the ${maxPixels / 1_000_000} megapixel limit.`);
  }
  // vPDQ: frame_mod = int(seconds_per_hash * frame_rate), at least 1.
  const step = Math.max(1, Math.trunc((1 / framesPerSecond) * frameRate));
  const frames: VideoFrameHash[] = [];
  await decodeFrames(filePath, options, { width, height, step, maxSeconds }, (pixels, n) => {
    const index = n * step;
    const { hex, quality } = pdqFromRgb(pixels, width, height, 3);
    frames.push({
      index,
      timestampSeconds: Math.round((index / frameRate) * 1000) / 1000,
      pdq: hex,
      quality,
    });
  });
  const last = frames.at(-1);
  const durationSeconds = info.durationSeconds ?? (last ? (last.index + 1) / frameRate : 0);
  return { durationSeconds, width, height, frameRate, frames };
}

interface FramePlan {
  width: number;
  height: number;
  step: number;
  maxSeconds: number | undefined;
}

/**
 * Every step-th decoded frame, converted to RGB at the stream's first size by swscale's "area" method
 * (vPDQ's conversion). The explicit size also keeps every raw frame the same length should the
 * stream change resolution midway.
 */
function frameFilter(plan: FramePlan): string {
  return `select=not(mod(n\\,${plan.step})),scale=${plan.width}:${plan.height}:flags=area`;
}

/** Runs ffmpeg and calls `onFrame` with each selected frame (the buffer is reused: copy to keep). */
async function decodeFrames(
  filePath: string,
  options: HashVideoOptions,
  plan: FramePlan,
  onFrame: (pixels: Uint8Array, n: number) => void,
): Promise<void> {
  const { ffmpeg } = resolveTools(options);
  const input = fileInput(filePath);
  const run = startTool(ffmpeg, [
    ...["-hide_banner", "-loglevel", "error", "-nostdin", "-noautorotate", ...INPUT_HARDENING],
    ...(plan.maxSeconds === undefined ? [] : ["-t", String(plan.maxSeconds)]),
    ...["-i", input, "-map", "0:v:0", "-vf", frameFilter(plan), "-fps_mode", "passthrough"],
    ...["-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"],
  ]);
  const { signal } = options;
  const abort = () => run.child.kill("SIGKILL");
  signal?.addEventListener("abort", abort, { once: true });
  const frameBytes = plan.width * plan.height * 3;
  const frame = new Uint8Array(frameBytes);
  let filled = 0;
  let count = 0;
  try {
    try {
      for await (const chunk of run.child.stdout as AsyncIterable<Buffer>) {
        for (let at = 0; at < chunk.length; ) {
          const n = Math.min(frameBytes - filled, chunk.length - at);
          frame.set(chunk.subarray(at, at + n), filled);
          filled += n;
          at += n;
          if (filled === frameBytes) {
            onFrame(frame, count++);
            filled = 0;
          }
        }
      }
    } catch (err) {
      run.child.kill("SIGKILL");
      // If ffmpeg never started, say so (VideoToolMissingError) rather than report a broken pipe.
      await run.exit;
      throw err;
    }
    const code = await run.exit;
    signal?.throwIfAborted();
    if (code !== 0) {
      throw new VideoDecodeError(`Video could not be decoded: ${firstErrorLine(run.stderr(), input)}.`);
    }
    if (filled !== 0) throw new VideoDecodeError("Video decoding stopped in the middle of a frame.");
    if (count === 0) throw new VideoDecodeError("The video has no decodable frames.");
  } finally {
    signal?.removeEventListener("abort", abort);
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill("SIGKILL");
  }
}
