import { Readable } from "node:stream";
import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import {
  candidatePageSchema,
  judgementSchema,
  judgeSchema,
  listCandidatesQuery,
  mergedEntitySchema,
  runSchema,
  startRunSchema,
} from "./resolution.schema.ts";
import type { ResolutionService } from "./resolution.service.ts";

const tags = ["resolution"];
const idParams = z.object({ id: z.string().max(100) });

export function registerResolutionRoutes(app: ZodApp, resolution: ResolutionService): void {
  app.get(
    "/api/v1/resolution/candidates",
    {
      schema: {
        operationId: "listResolutionCandidates",
        tags,
        summary:
          "Suggested duplicate pairs whose two records you may see, best first, with the score's explanation",
        querystring: listCandidatesQuery,
        response: { 200: candidatePageSchema },
      },
    },
    async (req) => resolution.listCandidates(actorOf(req), req.query),
  );

  app.post(
    "/api/v1/resolution/judgements",
    {
      schema: {
        operationId: "judgeResolutionPair",
        tags,
        summary: "Judge a pair of records: positive (same), negative (different) or unsure (audited)",
        body: judgeSchema,
        response: { 201: judgementSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await resolution.judge(actorOf(req), req.body)),
  );

  app.post(
    "/api/v1/resolution/judgements/:id/undo",
    {
      schema: {
        operationId: "undoResolutionJudgement",
        tags,
        summary: "Undo a judgement (kept as history); undoing a positive one splits the merge",
        params: idParams,
        response: { 200: judgementSchema },
      },
    },
    async (req) => resolution.undo(actorOf(req), req.params.id),
  );

  app.get(
    "/api/v1/resolution/entities/:id",
    {
      schema: {
        operationId: "getMergedEntity",
        tags,
        summary:
          "The merged entity of a record (or NK- canonical id): the visible members' values, each with its provenance",
        params: idParams,
        response: { 200: mergedEntitySchema },
      },
    },
    async (req) => resolution.entity(actorOf(req), req.params.id),
  );

  app.get(
    "/api/v1/resolution/export",
    {
      schema: {
        operationId: "exportResolutionJudgements",
        tags,
        summary: "The judgements you may see, in nomenklatura's resolver format (one JSON array per line)",
        produces: ["application/x-ndjson"],
        response: {
          200: z.string().describe("[target, source, judgement, score, user, created_at] per line"),
        },
      },
    },
    async (req, reply) => {
      const lines = resolution.exportJudgements(actorOf(req));
      // Pull the first line before answering, so an access error becomes a problem response.
      const first = await lines.next();
      async function* body() {
        if (!first.done) yield `${JSON.stringify(first.value)}\n`;
        for await (const l of lines) yield `${JSON.stringify(l)}\n`;
      }
      return reply.type("application/x-ndjson").send(Readable.from(body()) as never);
    },
  );

  app.post(
    "/api/v1/resolution/runs",
    {
      schema: {
        operationId: "startResolutionRun",
        tags,
        summary: "Start a duplicate-suggestion run over every person and organisation (Secretariat analysts)",
        body: startRunSchema,
        response: { 202: runSchema },
      },
    },
    async (req, reply) => reply.code(202).send(await resolution.startRun(actorOf(req), req.body)),
  );

  app.get(
    "/api/v1/resolution/runs/:id",
    {
      schema: {
        operationId: "getResolutionRun",
        tags,
        summary: "A suggestion run's progress (phase, done of total) and outcome",
        params: idParams,
        response: { 200: runSchema },
      },
    },
    async (req) => resolution.getRun(actorOf(req), req.params.id),
  );
}
