import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import {
  decisionBody,
  listQuery,
  minutiaeSchema,
  searchListSchema,
  searchSchema,
} from "./biometrics.schema.ts";
import type { BiometricSearchService } from "./biometrics.service.ts";

const params = z.object({ id: z.string().max(100) });
const templateParams = z.object({ templateId: z.string().max(100) });

/** The review of biometric searches: lists, one search, the probe, the minutiae, the decisions. */
export function registerReviewRoutes(app: ZodApp, biometrics: BiometricSearchService) {
  app.get(
    "/api/v1/biometrics/searches",
    {
      schema: {
        operationId: "listBiometricSearches",
        tags: ["biometrics"],
        summary: "The searches of the reader's country (the Secretariat: all), newest first",
        querystring: listQuery,
        response: { 200: searchListSchema },
      },
    },
    async (req) => biometrics.list(actorOf(req), req.query),
  );

  app.get(
    "/api/v1/biometrics/searches/:id",
    {
      schema: {
        operationId: "getBiometricSearch",
        tags: ["biometrics"],
        summary: "One search with its candidates and decision history (audited)",
        params,
        response: { 200: searchSchema },
      },
    },
    async (req) => biometrics.get(actorOf(req), req.params.id),
  );

  app.get(
    "/api/v1/biometrics/searches/:id/probe-image",
    {
      schema: {
        operationId: "getBiometricProbeImage",
        tags: ["biometrics"],
        summary: "The face photo searched with (JPEG; 404 for a fingerprint or template probe)",
        params,
        produces: ["image/jpeg"],
        response: { 200: z.string().meta({ format: "binary" }).describe("The JPEG bytes") },
      },
    },
    async (req, reply) => {
      const bytes = await biometrics.probeImage(actorOf(req), req.params.id);
      return reply
        .header("cache-control", "private, no-store")
        .header("x-content-type-options", "nosniff")
        .type("image/jpeg")
        .send(bytes as never); // a Buffer bypasses the response serializer
    },
  );

  app.get(
    "/api/v1/biometrics/searches/:id/probe-minutiae",
    {
      schema: {
        operationId: "getBiometricProbeMinutiae",
        tags: ["biometrics"],
        summary: "The minutiae of a fingerprint probe, for the side-by-side view",
        params,
        response: { 200: minutiaeSchema },
      },
    },
    async (req) => biometrics.probeMinutiae(actorOf(req), req.params.id),
  );

  app.get(
    "/api/v1/biometrics/templates/:templateId/minutiae",
    {
      schema: {
        operationId: "getBiometricTemplateMinutiae",
        tags: ["biometrics"],
        summary: "The minutiae of an enrolled fingerprint template (through its person's guard)",
        params: templateParams,
        response: { 200: minutiaeSchema },
      },
    },
    async (req) => biometrics.templateMinutiae(actorOf(req), req.params.templateId),
  );

  app.post(
    "/api/v1/biometrics/searches/:id/decisions",
    {
      schema: {
        operationId: "decideBiometricSearch",
        tags: ["biometrics"],
        summary: "Record the bureau's decision on a search (appended to its history; audited)",
        description:
          "`candidateId` is required for `potential_candidate` and refused otherwise. Bureau officers and admins of the searching country (the Secretariat for its own searches).",
        params,
        body: decisionBody,
        response: { 200: searchSchema },
      },
    },
    async (req) => biometrics.decide(actorOf(req), req.params.id, req.body),
  );
}
