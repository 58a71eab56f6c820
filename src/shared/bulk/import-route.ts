import { PassThrough } from "node:stream";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { importReportSchema } from "../../features/documents/documents.schema.ts";
import { actorOf } from "../../http/auth-plugin.ts";
import { problemFor } from "../../http/problem.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import type { Actor } from "../actor.ts";
import { AppError } from "../errors.ts";
import type { BulkReport, ByteSource, Progress, Reject } from "./bulk-import.ts";

const NDJSON = "application/x-ndjson";
const SLICE = 64 * 1024;
/**
 * A file sent to the API is held whole while it is read (the import itself streams), so the route
 * takes files up to 64 MiB - about 1.5 million document rows. Larger files go through
 * `fusion import`, which streams from disk.
 */
export const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;
const importQuery = z.object({ format: z.enum(["csv", "jsonl"]).optional() }).strict();

/** What every import takes from its route: the format, where each reject goes, and progress. */
type RouteOptions = {
  format: string;
  onReject: (r: Reject) => void | Promise<void>;
  onProgress?: (p: Progress) => void;
  totalBytes?: number | undefined;
};
type ImportQuery = { format?: string | undefined };

export type ImportRoute<O extends RouteOptions> = {
  url: string;
  operationId: string;
  tag: string;
  summary: string;
  /** Overrides the general description (the persons import explains its key). */
  description?: string;
  /** The query string, when the import takes more than `?format=csv|jsonl`. */
  query?: z.ZodType<ImportQuery>;
  /** The import's own options from the query (the persons import's file name). */
  options?: (query: ImportQuery) => Omit<O, keyof RouteOptions>;
  importStream: (actor: Actor, source: ByteSource, o: O) => Promise<BulkReport>;
};

const generalDescription =
  "Rows are validated one by one: bad rows come back as rejects with their line and reason, the rest is stored in batches, owned by your country. Re-importing the same file changes nothing.";

const streamingDescription =
  " With `Accept: application/x-ndjson` the answer streams instead: one `progress` line after each stored batch (rows read, bytes, rows per second, seconds left, rejects so far), then one `report` line (the report with every reject), or an `error` line (a problem) if the import stops after the first progress line. An error before any line is written answers as a problem, with its status.";

/** One line of the streamed answer. */
export const importStreamLineSchema = z
  .discriminatedUnion("type", [
    z.object({
      type: z.literal("progress"),
      rows: z.number().int(),
      rejected: z.number().int(),
      bytes: z.number().int(),
      totalBytes: z.number().int(),
      rowsPerSecond: z.number(),
      etaSeconds: z.number().nullable(),
    }),
    importReportSchema.extend({ type: z.literal("report") }),
    z.object({ type: z.literal("error"), status: z.number().int(), code: z.string(), detail: z.string() }),
  ])
  .meta({ id: "ImportStreamLine" });

/**
 * `POST .../import` of a police database: the body is the file as text (CSV or JSON Lines, by
 * `?format=` or the content type), bounded by the body limit; the answer is the report with every
 * reject (line, reason, raw line), or its progress as it goes when the client asks for NDJSON. One
 * route shape for every database that imports.
 */
export function registerImportRoute<O extends RouteOptions>(app: ZodApp, r: ImportRoute<O>): void {
  app.register(async (scope: ZodApp) => {
    scope.removeContentTypeParser(["application/json", "text/plain"]);
    scope.addContentTypeParser(
      ["text/csv", NDJSON],
      { parseAs: "string", bodyLimit: IMPORT_BODY_LIMIT },
      (_req, body, done) => done(null, body),
    );
    scope.post(
      r.url,
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          operationId: r.operationId,
          tags: [r.tag],
          summary: r.summary,
          description: (r.description ?? generalDescription) + streamingDescription,
          consumes: ["text/csv", NDJSON],
          querystring: r.query ?? importQuery,
          body: z.string(),
          response: {
            200: {
              description: "The import report, or its progress lines and the report as NDJSON",
              content: {
                "application/json": { schema: importReportSchema },
                [NDJSON]: { schema: importStreamLineSchema },
              },
            },
          },
        },
      },
      async (req, reply) => {
        const query = req.query as ImportQuery;
        const format =
          query.format ?? (String(req.headers["content-type"]).startsWith("text/csv") ? "csv" : "jsonl");
        // The route supplies format and onReject; `options` supplies the rest of O.
        const run = (source: ByteSource, hooks: Omit<RouteOptions, "format">) =>
          r.importStream(actorOf(req), source, { ...r.options?.(query), format, ...hooks } as O);
        if (wantsStream(req)) return streamImport(req, reply, run);
        const rejects: Reject[] = [];
        const report = await run([req.body], {
          onReject: (x) => {
            rejects.push(x);
          },
        });
        return reply.type("application/json").send({ ...report, rejects });
      },
    );
  });
}

/** A client that names NDJSON, and not plain JSON as well, gets the streamed answer. */
function wantsStream(req: FastifyRequest): boolean {
  const types = String(req.headers.accept ?? "")
    .toLowerCase()
    .split(",")
    .map((part) => part.split(";")[0]?.trim());
  return types.includes(NDJSON) && !types.includes("application/json");
}

/**
 * Streams progress lines while the import runs, then the report. The answer's status line is sent
 * only when there is something to say: an import refused before its first batch (a missing CSV
 * column, a role that may not write) still answers with the problem and its 4xx status.
 */
async function streamImport(
  req: FastifyRequest,
  reply: FastifyReply,
  run: (source: ByteSource, hooks: Omit<RouteOptions, "format">) => Promise<BulkReport>,
) {
  const out = new PassThrough();
  const line = (value: object) => out.write(`${JSON.stringify(value)}\n`);
  const rejects: Reject[] = [];
  let started = false;
  let markStarted = () => {};
  const firstLine = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  const body = Buffer.from(String(req.body ?? ""), "utf8");
  const totalBytes = body.length;
  const done = run(slices(body), {
    totalBytes,
    onReject: (x) => {
      rejects.push(x);
    },
    onProgress: (p) => {
      started = true;
      line({
        type: "progress",
        rows: p.rows,
        rejected: rejects.length,
        bytes: p.bytes,
        totalBytes,
        rowsPerSecond: Math.round(p.rowsPerSecond * 10) / 10,
        etaSeconds: p.etaSeconds === undefined ? null : Math.round(p.etaSeconds * 10) / 10,
      });
      markStarted();
    },
  }).then(
    (report) => {
      line({ type: "report", ...report, rejects });
      out.end();
    },
    (e: unknown) => {
      if (!started) throw e;
      // Batches already committed stay (each is whole); the client learns why the rest did not run.
      if (!(e instanceof AppError)) req.log.error(e);
      const p =
        e instanceof AppError
          ? problemFor(e.code, e.message)
          : problemFor("internal", "Something went wrong on our side. The error was logged.");
      line({ type: "error", status: p.status, code: p.code, detail: p.detail });
      out.end();
    },
  );
  await Promise.race([firstLine, done]);
  return reply.type(NDJSON).send(out as never); // a stream bypasses the JSON serializer
}

/**
 * The body in 64 KiB slices, so the import counts bytes as it goes and its time left means something
 * (one chunk would read as done at once). A line cut between slices is joined again by the reader.
 */
function* slices(body: Buffer): Generator<Buffer> {
  for (let at = 0; at < body.length; at += SLICE) yield body.subarray(at, at + SLICE);
}
