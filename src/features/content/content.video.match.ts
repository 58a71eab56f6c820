/**
 * Matching an uploaded video against the hash banks: the file's MD5 and SHA-256 exactly, and the PDQ
 * hash of one frame per second against the PDQ index, with the visibility rules of /match (the same
 * matcher and viewer). Nothing is stored; the upload lives in a private temporary file while hashed.
 */
import { z } from "zod";
import { hasFfmpeg } from "../../search/vpdq/index.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import type { ContentMatcher, MatchViewer, RawMatch } from "./content.matcher.ts";
import { contentPolicy } from "./content.policy.ts";
import { type MatchView, MIN_PDQ_QUALITY, matchSchema } from "./content.schema.ts";
import { hashVideoFrames, isVideoContainer, type VideoHashes, withSavedUpload } from "./content.video.ts";

const hex = (n: number) => z.string().regex(new RegExp(`^[0-9a-f]{${n}}$`));

export const videoMatchQuery = z
  .object({ maxDistance: z.coerce.number().int().min(0).max(64).optional() })
  .strict();

const frameSchema = z.object({
  /** The frame's number in the decoded stream, from 0. */
  index: z.number().int(),
  timestampSeconds: z.number(),
  pdq: hex(64),
  quality: z.number().int(),
  /** False when the frame's quality is below 50: it was not matched. */
  matched: z.boolean(),
  matches: z.array(matchSchema),
});

export const videoMatchResultSchema = z
  .object({
    query: z.object({
      md5: hex(32),
      sha256: hex(64),
      durationSeconds: z.number(),
      bytes: z.number().int(),
    }),
    /** Entries whose MD5 or SHA-256 is the uploaded file's. */
    exactMatches: z.array(matchSchema),
    frames: z.array(frameSchema),
    summary: z.object({
      framesHashed: z.number().int(),
      /** Frames of quality 50 or more: only these are matched. */
      framesUsable: z.number().int(),
      framesMatched: z.number().int(),
      /** framesMatched as a share of framesUsable, 0..100. */
      matchPercent: z.number(),
      /** Every entry matched, by the file or by a frame, with its best distance and frame count. */
      entries: z.array(matchSchema.extend({ framesMatched: z.number().int() })),
    }),
  })
  .meta({ id: "VideoMatchResult" });
export type VideoMatchResult = z.infer<typeof videoMatchResultSchema>;

export type VideoQuery = VideoHashes & { bytes: number };

/** What the matcher found for a video, before shaping for the viewer. */
export type RawVideoMatch = {
  exact: RawMatch[];
  frames: { usable: boolean; matches: RawMatch[] }[];
  /** Distinct entries, best distance first, with how many frames matched each. */
  entries: { match: RawMatch; frames: number }[];
};

/** Matches the file digests and each usable frame; identical frame hashes are looked up once. */
export function matchVideoFrames(
  m: ContentMatcher,
  viewer: MatchViewer,
  v: VideoHashes,
  maxDistance: number,
): RawVideoMatch {
  const exact = new Map<number, RawMatch>();
  for (const x of [...m.matchExact("md5", v.md5, viewer), ...m.matchExact("sha256", v.sha256, viewer)])
    if (!exact.has(x.entry.id)) exact.set(x.entry.id, x);
  const seen = new Map<string, RawMatch[]>();
  const frames = v.frames.map((f) => {
    const usable = f.quality >= MIN_PDQ_QUALITY;
    if (!usable) return { usable, matches: [] };
    let matches = seen.get(f.pdq);
    if (!matches) {
      matches = m.matchPdq(f.pdq, maxDistance, viewer);
      seen.set(f.pdq, matches);
    }
    return { usable, matches };
  });
  const entries = new Map<number, { match: RawMatch; frames: number }>();
  for (const x of exact.values()) entries.set(x.entry.id, { match: x, frames: 0 });
  for (const f of frames)
    for (const x of f.matches) {
      const e = entries.get(x.entry.id);
      if (!e) entries.set(x.entry.id, { match: x, frames: 1 });
      else {
        e.frames++;
        if (x.distance < e.match.distance) e.match = x;
      }
    }
  const sorted = [...entries.values()].sort(
    (a, b) => a.match.distance - b.match.distance || a.match.entry.id - b.match.entry.id,
  );
  return { exact: [...exact.values()], frames, entries: sorted };
}

/** The answer to the uploader, each match shaped for the viewer (platforms see no provenance). */
export function videoResult(v: VideoQuery, raw: RawVideoMatch, shape: (m: RawMatch) => MatchView) {
  const framesUsable = raw.frames.filter((f) => f.usable).length;
  const framesMatched = raw.frames.filter((f) => f.matches.length > 0).length;
  const result: VideoMatchResult = {
    query: { md5: v.md5, sha256: v.sha256, durationSeconds: v.durationSeconds, bytes: v.bytes },
    exactMatches: raw.exact.map(shape),
    frames: v.frames.map((f, i) => ({
      index: f.index,
      timestampSeconds: f.timestampSeconds,
      pdq: f.pdq,
      quality: f.quality,
      matched: raw.frames[i]?.usable ?? false,
      matches: (raw.frames[i]?.matches ?? []).map(shape),
    })),
    summary: {
      framesHashed: v.frames.length,
      framesUsable,
      framesMatched,
      matchPercent: framesUsable ? Math.round((framesMatched / framesUsable) * 1000) / 10 : 0,
      entries: raw.entries.map((e) => ({ ...shape(e.match), framesMatched: e.frames })),
    },
  };
  return result;
}

type VideoMatching = {
  matchVideo: (actor: Actor, v: VideoQuery, maxDistance?: number) => Promise<VideoMatchResult>;
};

/** The upload side: access first, then ffmpeg, then the bytes (never kept), then the matcher. */
export function createVideoUploads(matching: VideoMatching) {
  async function matchVideoUpload(
    actor: Actor,
    body: NodeJS.ReadableStream,
    opts: { limit: number; maxDistance?: number | undefined },
  ): Promise<VideoMatchResult> {
    if (!contentPolicy.match(actor)) throw new AppError("forbidden", "Your role may not match content.");
    if (!(await hasFfmpeg()))
      throw new AppError(
        "unavailable",
        "Video matching is unavailable: ffmpeg is not installed on the server (Debian package ffmpeg).",
      );
    return withSavedUpload(body, opts.limit, async (saved) => {
      if (!(await isVideoContainer(saved.file)))
        throw new AppError("unprocessable", "The upload is not a video ffmpeg can read.");
      const hashes = await hashVideoFrames(saved.file, { md5: saved.md5, sha256: saved.sha256 });
      return matching.matchVideo(actor, { ...hashes, bytes: saved.bytes }, opts.maxDistance);
    });
  }
  return { matchVideoUpload };
}
