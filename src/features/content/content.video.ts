/**
 * Video hashing for the CLI and the video match endpoint: which kind of media a file is, the file's
 * digests, its frames' PDQ hashes (src/search/vpdq, through ffmpeg), and an upload saved to a private
 * temporary file that the caller always deletes. The library's errors become AppErrors here.
 */
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  hashVideo,
  VideoDecodeError,
  type VideoFrameHash,
  VideoToolMissingError,
  type VideoToolOptions,
} from "../../search/vpdq/index.ts";
import { fileInput, INPUT_HARDENING, resolveTools, startTool } from "../../search/vpdq/tools.ts";
import { AppError } from "../../shared/errors.ts";

/** Frames hashed per second of video, as vPDQ's default. */
export const VIDEO_FRAMES_PER_SECOND = 1;
/** Only the first hour is hashed: enough to recognise known footage, bounded work per request. */
export const VIDEO_MAX_SECONDS = 3600;

export type VideoHashes = {
  durationSeconds: number;
  md5: string;
  sha256: string;
  frames: VideoFrameHash[];
};

/** ffmpeg missing → `unavailable` (503), a file it cannot decode as video → `unprocessable` (422). */
export function videoAppError(e: unknown): unknown {
  if (e instanceof VideoToolMissingError) return new AppError("unavailable", e.message);
  if (e instanceof VideoDecodeError) return new AppError("unprocessable", e.message);
  return e;
}

/**
 * ffmpeg's demuxers for video containers and elementary streams. Success alone does not make a file a
 * video: ffprobe reads a JPEG as a one-frame "video" (image2) and a text file as ANSI art (tty).
 */
const VIDEO_FORMATS = new Set(
  (
    "mov mp4 m4a 3gp 3g2 mj2 matroska webm avi flv mpegts mpeg mpegvideo m4v h264 hevc asf ogg dv mxf " +
    "nut ivf obu av1 vc1 rm wtv gxf yuv4mpegpipe"
  ).split(" "),
);

/**
 * Whether ffprobe reads the file as a video container with a video stream. Throws
 * VideoToolMissingError without ffmpeg; false for images, text and anything ffprobe cannot read.
 */
export async function isVideoContainer(filePath: string, options: VideoToolOptions = {}): Promise<boolean> {
  const { ffprobe } = resolveTools(options);
  const run = startTool(ffprobe, [
    ...["-v", "error", ...INPUT_HARDENING, "-select_streams", "v:0"],
    ...["-show_entries", "format=format_name:stream=codec_type", "-of", "json", fileInput(filePath)],
  ]);
  let out = "";
  run.child.stdout?.setEncoding("utf8");
  run.child.stdout?.on("data", (text: string) => {
    out += text;
  });
  if ((await run.exit) !== 0) return false;
  try {
    const json = JSON.parse(out) as { format?: { format_name?: string }; streams?: unknown[] };
    const formats = (json.format?.format_name ?? "").split(",");
    return (json.streams?.length ?? 0) > 0 && formats.some((f) => VIDEO_FORMATS.has(f));
  } catch {
    return false;
  }
}

/** MD5 and SHA-256 of a file, streamed. */
export async function fileDigests(filePath: string): Promise<{ md5: string; sha256: string }> {
  const md5 = createHash("md5");
  const sha256 = createHash("sha256");
  for await (const chunk of createReadStream(filePath) as AsyncIterable<Buffer>) {
    md5.update(chunk);
    sha256.update(chunk);
  }
  return { md5: md5.digest("hex"), sha256: sha256.digest("hex") };
}

/** A video's frame hashes (1 per second, the first hour) with known file digests; AppErrors only. */
export async function hashVideoFrames(
  filePath: string,
  digests: { md5: string; sha256: string },
  options: VideoToolOptions & { signal?: AbortSignal } = {},
): Promise<VideoHashes> {
  try {
    const v = await hashVideo(filePath, {
      ...options,
      framesPerSecond: VIDEO_FRAMES_PER_SECOND,
      maxSeconds: VIDEO_MAX_SECONDS,
    });
    return { durationSeconds: v.durationSeconds, ...digests, frames: v.frames };
  } catch (e) {
    throw videoAppError(e);
  }
}

/** Stops a stream past `limit` bytes and feeds both digests on the way through. */
function meter(limit: number, md5: ReturnType<typeof createHash>, sha256: ReturnType<typeof createHash>) {
  let total = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      total += chunk.length;
      if (total > limit) {
        done(new AppError("payload_too_large", `The video is larger than ${limit / 1024 / 1024} MB.`));
        return;
      }
      md5.update(chunk);
      sha256.update(chunk);
      done(null, chunk);
    },
  });
  return { counter, bytes: () => total };
}

export type SavedUpload = { file: string; bytes: number; md5: string; sha256: string };

/**
 * Runs `use` on the upload saved to a file only this process's user may read (0600, in a fresh 0700
 * directory under the system temp dir). The directory is removed afterwards whatever happens: an
 * upload is never kept.
 */
export async function withSavedUpload<T>(
  body: NodeJS.ReadableStream,
  limit: number,
  use: (saved: SavedUpload) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "fusion-video-"));
  try {
    const file = path.join(dir, "upload");
    const md5 = createHash("md5");
    const sha256 = createHash("sha256");
    const m = meter(limit, md5, sha256);
    await pipeline(body, m.counter, createWriteStream(file, { flags: "wx", mode: 0o600 }));
    if (m.bytes() === 0) throw new AppError("bad_request", "The video body is empty.");
    return await use({ file, bytes: m.bytes(), md5: md5.digest("hex"), sha256: sha256.digest("hex") });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
