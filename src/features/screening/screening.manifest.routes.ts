import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import { problemFor } from "../../http/problem.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import { isAppError } from "../../shared/errors.ts";
import { MAX_MANIFEST_BYTES } from "./input/manifest.ts";
import { screenManifest } from "./screening.manifest.ts";
import { manifestQuery, manifestResultSchema } from "./screening.schema.ts";
import type { ScreeningService } from "./screening.service.ts";

const NDJSON = "application/x-ndjson";
const MANIFEST_TYPES = ["text/csv", "application/json", NDJSON, "text/plain", "application/edifact"];

export const manifestStreamLineSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("progress"), screened: z.number().int(), total: z.number().int() }),
  z.object({ type: z.literal("result"), result: manifestResultSchema }),
  z.object({ type: z.literal("error"), status: z.number().int(), title: z.string(), detail: z.string() }),
]);

/** A client that names NDJSON, and not plain JSON as well, gets progress lines then the result. */
const wantsStream = (accept: string | undefined) => {
  const types = String(accept ?? "")
    .toLowerCase()
    .split(",")
    .map((t) => t.split(";")[0]?.trim());
  return types.includes(NDJSON) && !types.includes("application/json");
};

export function registerManifestRoute(app: ZodApp, service: ScreeningService): void {
  app.register(async (scope: ZodApp) => {
    // The manifest is read from its content, whatever the content type says: every body is text.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      "*",
      { parseAs: "buffer", bodyLimit: MAX_MANIFEST_BYTES },
      (_req, body, done) => done(null, body),
    );
    scope.post(
      "/api/v1/screening/manifest",
      {
        bodyLimit: MAX_MANIFEST_BYTES,
        schema: {
          operationId: "screenManifest",
          tags: ["screening"],
          summary: "Screen a whole passenger manifest: CSV, JSON, JSON Lines or UN/EDIFACT PAXLST",
          description:
            "The format is told from the content. CSV needs the header `id,name,date_of_birth,nationality,sex,document_number,document_country` (any order). One result per passenger; an unreadable row comes back with its reasons and the rest is still screened. With `Accept: application/x-ndjson` the answer streams: `progress` lines while passengers are screened, then one `result` line.",
          consumes: MANIFEST_TYPES,
          querystring: manifestQuery,
          body: z.any(),
          response: {
            200: {
              description: "One result per passenger, or progress lines and the result as NDJSON",
              content: {
                "application/json": { schema: manifestResultSchema },
                [NDJSON]: { schema: manifestStreamLineSchema },
              },
            },
          },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.from(String(req.body ?? ""));
        const location = (req.query as { location?: string }).location;
        if (!wantsStream(req.headers.accept)) return screenManifest(service, actor, body, { location });
        service.ensureScreen(actor);
        reply.hijack();
        reply.raw.writeHead(200, { "content-type": NDJSON, "cache-control": "no-store" });
        const line = (o: unknown) => reply.raw.write(`${JSON.stringify(o)}\n`);
        try {
          const result = await screenManifest(service, actor, body, {
            location,
            onProgress: (p) => line({ type: "progress", ...p }),
          });
          line({ type: "result", result });
        } catch (e) {
          if (!isAppError(e)) req.log.error(e);
          const p = isAppError(e)
            ? problemFor(e.code, e.message)
            : problemFor("internal", "Something went wrong on our side. The error was logged.");
          line({ type: "error", status: p.status, title: p.title, detail: p.detail });
        }
        reply.raw.end();
      },
    );
  });
}
