/**
 * Running Debian's ffmpeg and ffprobe: locating them, the two error types callers act on, and probing
 * a file for its first video stream. Decoding video is not written here: ffmpeg does it, as it does
 * inside the vPDQ reference (which links FFmpeg's libraries).
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

/** ffmpeg or ffprobe is not installed (or not where FFMPEG_PATH / the options say). */
export class VideoToolMissingError extends Error {
  override readonly name = "VideoToolMissingError";
  constructor(tool: string, options?: ErrorOptions) {
    // ffprobe comes in the same Debian package, so the advice is the same for both.
    super(
      `ffmpeg is not installed; install Debian's ffmpeg package to hash videos (${tool} could not be run).`,
      options,
    );
  }
}

/** The file is not a video ffmpeg can decode: unknown format, corrupt, truncated or without video. */
export class VideoDecodeError extends Error {
  override readonly name = "VideoDecodeError";
}

export interface VideoToolOptions {
  /** Default: $FFMPEG_PATH, else `ffmpeg` on the PATH. */
  ffmpegPath?: string;
  /** Default: $FFPROBE_PATH, else `ffprobe` beside an explicit ffmpeg path, else on the PATH. */
  ffprobePath?: string;
}

export function resolveTools(options: VideoToolOptions = {}): { ffmpeg: string; ffprobe: string } {
  const ffmpeg = options.ffmpegPath || process.env.FFMPEG_PATH || "ffmpeg";
  const sibling = ffmpeg.includes(path.sep) ? path.join(path.dirname(ffmpeg), "ffprobe") : "ffprobe";
  return { ffmpeg, ffprobe: options.ffprobePath || process.env.FFPROBE_PATH || sibling };
}

/** Bytes of stderr kept for error messages (ffmpeg can be chatty on a damaged file). */
const STDERR_LIMIT = 8192;

export interface RunningTool {
  child: ChildProcess;
  /** Exit code; rejects with VideoToolMissingError when the program cannot be started. */
  exit: Promise<number | null>;
  stderr: () => string;
}

/**
 * Starts a tool with arguments (no shell), stdin closed. `exit` is already handled, so a failed
 * start cannot surface as an unhandled rejection before the caller awaits it.
 */
export function startTool(tool: string, args: string[]): RunningTool {
  const child = spawn(tool, args, { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (text: string) => {
    if (stderr.length < STDERR_LIMIT) stderr += text.slice(0, STDERR_LIMIT - stderr.length);
  });
  const exit = new Promise<number | null>((resolve, reject) => {
    child.once("error", (err: NodeJS.ErrnoException) =>
      reject(
        err.code === "ENOENT" || err.code === "EACCES"
          ? new VideoToolMissingError(tool, { cause: err })
          : err,
      ),
    );
    child.once("close", (code) => resolve(code));
  });
  exit.catch(() => {});
  return { child, exit, stderr: () => stderr };
}

/** True when both ffmpeg and ffprobe start and answer `-version`. */
export async function hasFfmpeg(options: VideoToolOptions = {}): Promise<boolean> {
  const { ffmpeg, ffprobe } = resolveTools(options);
  const works = async (tool: string) => {
    const run = startTool(tool, ["-version"]);
    run.child.stdout?.resume();
    return (await run.exit.catch(() => null)) === 0;
  };
  const [a, b] = await Promise.all([works(ffmpeg), works(ffprobe)]);
  return a && b;
}

/** ffmpeg's first error line, without the "file:/path: " and "[demuxer @ 0x...] " prefixes. */
export function firstErrorLine(stderr: string, input: string): string {
  const line = stderr.split("\n").find((l) => l.trim() !== "") ?? "";
  return (
    line
      .replace(`${input}: `, "")
      .replace(/^\[[^\]]* @ 0x[0-9a-f]+\] /, "")
      .trim() || "no detail from ffmpeg"
  );
}

export interface VideoInfo {
  width: number;
  height: number;
  /** Frames per second: the stream's average rate, else its base rate (as vPDQ reads it). */
  frameRate: number;
  /** From the stream, else the container; null when neither says. */
  durationSeconds: number | null;
}

/**
 * The input as ffmpeg should read it: an absolute path behind the `file:` protocol, so a name can
 * never be taken for a URL, another protocol or an option.
 */
export function fileInput(filePath: string): string {
  return `file:${path.resolve(filePath)}`;
}

/** Only local files: a playlist-style container cannot make ffmpeg fetch anything over a network. */
export const INPUT_HARDENING = ["-protocol_whitelist", "file"];

function rate(text: unknown): number {
  const [num, den] = String(text ?? "")
    .split("/")
    .map(Number);
  return num && den && Number.isFinite(num / den) && num / den > 0 ? num / den : 0;
}

function seconds(text: unknown): number | null {
  const n = Number(text);
  return text !== undefined && Number.isFinite(n) && n >= 0 ? n : null;
}

interface ProbeJson {
  streams?: {
    width?: number;
    height?: number;
    avg_frame_rate?: string;
    r_frame_rate?: string;
    duration?: string;
  }[];
  format?: { duration?: string };
}

/** Dimensions, frame rate and duration of the first video stream. */
export async function probeVideo(filePath: string, options: VideoToolOptions = {}): Promise<VideoInfo> {
  const { ffprobe } = resolveTools(options);
  const input = fileInput(filePath);
  const run = startTool(ffprobe, [
    ...["-v", "error", ...INPUT_HARDENING, "-select_streams", "v:0"],
    ...["-show_entries", "stream=width,height,avg_frame_rate,r_frame_rate,duration:format=duration"],
    ...["-of", "json", input],
  ]);
  let out = "";
  run.child.stdout?.setEncoding("utf8");
  run.child.stdout?.on("data", (text: string) => {
    out += text;
  });
  const code = await run.exit;
  if (code !== 0) {
    throw new VideoDecodeError(`Not a video ffmpeg can read: ${firstErrorLine(run.stderr(), input)}.`);
  }
  const json = JSON.parse(out || "{}") as ProbeJson;
  const stream = json.streams?.[0];
  if (!stream) throw new VideoDecodeError("The file has no video stream.");
  const width = stream.width ?? 0;
  const height = stream.height ?? 0;
  const frameRate = rate(stream.avg_frame_rate) || rate(stream.r_frame_rate);
  if (width < 1 || height < 1 || frameRate <= 0) {
    throw new VideoDecodeError("The video stream has no usable size or frame rate.");
  }
  const durationSeconds = seconds(stream.duration) ?? seconds(json.format?.duration);
  return { width, height, frameRate, durationSeconds };
}
