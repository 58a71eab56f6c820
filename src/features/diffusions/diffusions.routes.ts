import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import {
  diffusionPageSchema,
  diffusionSchema,
  listDiffusionsQuery,
  reviewDiffusionSchema,
  sendDiffusionSchema,
} from "./diffusions.schema.ts";
import type { DiffusionsService } from "./diffusions.service.ts";

const idParams = z.object({ id: z.string().max(100) });

export function registerDiffusionsRoutes(app: ZodApp, diffusions: DiffusionsService): void {
  app.post(
    "/api/v1/diffusions",
    {
      schema: {
        operationId: "createDiffusion",
        tags: ["diffusions"],
        summary: "Send a diffusion to chosen countries or all (recipients see it at once, unreviewed)",
        body: sendDiffusionSchema,
        response: { 201: diffusionSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await diffusions.send(actorOf(req), req.body)),
  );

  app.get(
    "/api/v1/diffusions",
    {
      schema: {
        operationId: "listDiffusions",
        tags: ["diffusions"],
        summary: "Diffusions you sent or received (the General Secretariat: all)",
        querystring: listDiffusionsQuery,
        response: { 200: diffusionPageSchema },
      },
    },
    async (req) => diffusions.list(actorOf(req), req.query),
  );

  app.get(
    "/api/v1/diffusions/:id",
    {
      schema: {
        operationId: "getDiffusion",
        tags: ["diffusions"],
        summary: "Open a diffusion (audited)",
        params: idParams,
        response: { 200: diffusionSchema },
      },
    },
    async (req) => diffusions.get(actorOf(req), req.params.id),
  );

  app.post(
    "/api/v1/diffusions/:id/review",
    {
      schema: {
        operationId: "reviewDiffusion",
        tags: ["diffusions"],
        summary: "Confirm or cancel a diffusion, with reasons (General Secretariat reviewers)",
        params: idParams,
        body: reviewDiffusionSchema,
        response: { 200: diffusionSchema },
      },
    },
    async (req) => diffusions.review(actorOf(req), req.params.id, req.body),
  );
}
