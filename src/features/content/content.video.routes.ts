import type { Readable } from "node:stream";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import { AppError } from "../../shared/errors.ts";
import type { ContentService } from "./content.service.ts";
import { videoMatchQuery, videoMatchResultSchema } from "./content.video.match.ts";

const MB = 1024 * 1024;
export const DEFAULT_VIDEO_BODY_LIMIT = 200 * MB;

type RateLimit = {
  max: number;
  timeWindow: string;
  keyGenerator: (req: { actor: { id: string } | null; ip: string }) => string;
};

const isStream = (body: unknown): body is Readable =>
  typeof body === "object" && body !== null && typeof (body as Readable).pipe === "function";

/**
 * POST /api/v1/content/match/video. The body is not buffered: this scope alone hands video bodies
 * over as a stream, which the service writes to a private temporary file, counting bytes as they come.
 */
export function registerVideoMatchRoute(
  app: ZodApp,
  content: ContentService,
  opts: { rateLimit: RateLimit; bodyLimit?: number | undefined },
) {
  const limit = opts.bodyLimit ?? DEFAULT_VIDEO_BODY_LIMIT;
  const tooLarge = () => new AppError("payload_too_large", `The video is larger than ${limit / MB} MB.`);
  app.register(async (scope: ZodApp) => {
    scope.addContentTypeParser(/^(video\/[a-z0-9.+-]+|application\/octet-stream)$/i, (_req, payload, done) =>
      done(null, payload),
    );
    scope.post(
      "/api/v1/content/match/video",
      {
        config: { rateLimit: opts.rateLimit },
        // A declared size over the limit is refused before a byte is read.
        onRequest: async (req) => {
          if (Number(req.headers["content-length"] ?? 0) > limit) throw tooLarge();
        },
        schema: {
          operationId: "matchVideo",
          tags: ["content"],
          summary: "Match an uploaded video (raw video/* body, at most 200 MB) by its digests and frames",
          description:
            "Send the video bytes as the body with a video/* content type. The file's MD5 and SHA-256 are matched exactly; one frame per second (the first hour) is hashed with PDQ and each frame of quality 50 or more is matched like a PDQ hash (?maxDistance= applies). The upload is deleted once hashed: nothing is stored. Every query and hit is audited. 422 when the body is not a readable video, 503 when the server has no ffmpeg.",
          consumes: [
            "video/mp4",
            "video/webm",
            "video/quicktime",
            "video/x-matroska",
            "application/octet-stream",
          ],
          querystring: videoMatchQuery,
          response: { 200: videoMatchResultSchema },
        },
      },
      async (req) => {
        if (!isStream(req.body))
          throw new AppError("unsupported_media_type", "Send the video bytes with a video/* content type.");
        return content.matchVideoUpload(actorOf(req), req.body, {
          limit,
          maxDistance: req.query.maxDistance,
        });
      },
    );
  });
}
