import { Readable } from "node:stream";
import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import type { Actor } from "../actor.ts";
import { type ImportRoute, registerImportRoute } from "../bulk/import-route.ts";
import type { ImportOptions } from "../bulk/object-import.ts";
import type { ExportFormat } from "../objects.ts";

/*
 * The HTTP routes an object database has: search, export, open, enter, change and import. The
 * feature names them (paths, operationIds, summaries) and gives its schemas; the handlers are the
 * same for all.
 */

const idParams = z.object({ id: z.string().max(100) });

/** What the routes call; parameters are the feature's own types, checked by its schemas here. */
type ObjectRoutesService = {
  list: (actor: Actor, q: never) => Promise<unknown>;
  exportAll: (actor: Actor, q: never, format: ExportFormat) => AsyncGenerator<string>;
  get: (actor: Actor, id: string) => Promise<unknown>;
  create: (actor: Actor, input: never) => Promise<unknown>;
  update: (actor: Actor, id: string, input: never) => Promise<unknown>;
  importStream: ImportRoute<ImportOptions>["importStream"];
};

type Op = { operationId: string; summary: string };

export type ObjectRoutes = {
  /** The collection's path, e.g. `/api/v1/vehicles`. */
  path: string;
  tag: string;
  schemas: {
    list: z.ZodType;
    export: z.ZodType;
    page: z.ZodType;
    item: z.ZodType;
    create: z.ZodType;
    update: z.ZodType;
  };
  /** The export's one-line description of its body. */
  exportLine: string;
  ops: { list: Op; export: Op; get: Op; create: Op; update: Op; import: Op };
};

export function registerObjectRoutes(app: ZodApp, svc: ObjectRoutesService, r: ObjectRoutes): void {
  const { path, schemas: s, ops } = r;
  const tags = [r.tag];
  // The keys in the order the document has always listed them.
  const head = (o: Op) => ({ operationId: o.operationId, tags, summary: o.summary });
  app.get(
    path,
    { schema: { ...head(ops.list), querystring: s.list, response: { 200: s.page } } },
    async (req) => svc.list(actorOf(req), req.query as never),
  );

  app.get(
    `${path}/export`,
    {
      schema: {
        ...head(ops.export),
        querystring: s.export,
        produces: ["application/x-ndjson", "text/csv"],
        response: { 200: z.string().describe(r.exportLine) },
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query as { format: ExportFormat };
      const lines = svc.exportAll(actorOf(req), filters as never, format);
      // Pull the first line before answering, so access errors become a proper problem response.
      const first = await lines.next();
      async function* all() {
        if (!first.done) yield first.value;
        yield* lines;
      }
      return reply
        .type(format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson")
        .send(Readable.from(all()) as never); // a stream bypasses the JSON serializer
    },
  );

  app.get(
    `${path}/:id`,
    { schema: { ...head(ops.get), params: idParams, response: { 200: s.item } } },
    async (req) => svc.get(actorOf(req), req.params.id),
  );

  app.post(
    path,
    { schema: { ...head(ops.create), body: s.create, response: { 201: s.item } } },
    async (req, reply) => reply.code(201).send(await svc.create(actorOf(req), req.body as never)),
  );

  app.patch(
    `${path}/:id`,
    { schema: { ...head(ops.update), params: idParams, body: s.update, response: { 200: s.item } } },
    async (req) => svc.update(actorOf(req), req.params.id, req.body as never),
  );

  registerImportRoute(app, {
    url: `${path}/import`,
    ...ops.import,
    tag: r.tag,
    importStream: svc.importStream,
  });
}
