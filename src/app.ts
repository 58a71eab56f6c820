import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "./deps.ts";
import { registerAuditRoutes } from "./features/audit/audit.routes.ts";
import { registerAuthRoutes } from "./features/auth/auth.routes.ts";
import { registerBiometricSearchRoutes } from "./features/biometrics/biometrics.routes.ts";
import { registerClientsRoutes } from "./features/clients/clients.routes.ts";
import { registerContentRoutes } from "./features/content/content.routes.ts";
import { registerCountriesRoutes } from "./features/countries/countries.routes.ts";
import { registerDashboardRoutes } from "./features/dashboard/dashboard.routes.ts";
import { registerDiffusionsRoutes } from "./features/diffusions/diffusions.routes.ts";
import { registerDocumentsRoutes } from "./features/documents/documents.routes.ts";
import { registerFirearmsRoutes } from "./features/firearms/firearms.routes.ts";
import { registerMaterialsRoutes } from "./features/materials/materials.routes.ts";
import { registerNoticePhotoRoutes } from "./features/notices/notices.photos.routes.ts";
import { registerNoticePreviewRoutes } from "./features/notices/notices.preview.routes.ts";
import { registerPublicNoticesRoutes } from "./features/notices/notices.public.routes.ts";
import { registerNoticesRoutes } from "./features/notices/notices.routes.ts";
import { registerNotificationsRoutes } from "./features/notifications/notifications.routes.ts";
import { registerBiometricsRoutes } from "./features/records/records.biometrics.routes.ts";
import { registerRecordsRoutes } from "./features/records/records.routes.ts";
import { registerPartnersRoutes } from "./features/referrals/partners.routes.ts";
import { registerReferralsRoutes } from "./features/referrals/referrals.routes.ts";
import { registerResolutionRoutes } from "./features/resolution/resolution.routes.ts";
import { registerReviewRoutes } from "./features/review/review.routes.ts";
import { registerScreeningRoutes } from "./features/screening/screening.routes.ts";
import { registerUsersRoutes } from "./features/users/users.routes.ts";
import { registerVehiclesRoutes } from "./features/vehicles/vehicles.routes.ts";
import { installAuth, markScopePublic } from "./http/auth-plugin.ts";
import { sortComponentSchemas } from "./http/openapi-order.ts";
import { frameworkErrors, installErrorHandler } from "./http/problem.ts";
import { installTextGuard } from "./http/text-guard.ts";
import type { ZodApp } from "./http/zod-app.ts";
import { createServices, type Services } from "./services.ts";

export const VERSION = "0.1.0";
const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../web/dist");

/**
 * `all` serves everything; `screening` a node that only screens (health, sign-in and the screening
 * API), following the change feed, to run any number of behind a load balancer.
 */
export type ServerRole = "all" | "screening";
export type BuildOptions = { logger?: boolean; services?: Services; role?: ServerRole };

/** The composition root: plugins, error mapping, auth, then every feature's routes. */
export async function buildApp(deps: Deps, options: BuildOptions = {}) {
  const services = options.services ?? createServices(deps);
  const app = Fastify({
    logger: options.logger ? { level: deps.config.logLevel } : false,
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: false,
    ajv: { customOptions: { removeAdditional: false } },
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installTextGuard(app); // before every route and scope, so all of them inherit it

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", "data:", "blob:"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Fusion API",
        version: VERSION,
        description: "International police cooperation against terrorism.",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "fusion_session" },
          bearer: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    // Named schemas (.meta({ id })) land in components.schemas, so every $ref resolves.
    transformObject: (input) => sortComponentSchemas(jsonSchemaTransformObject(input)),
  });
  await app.register(async (docs) => {
    markScopePublic(docs);
    await docs.register(swaggerUi, { routePrefix: "/api/docs", uiConfig: { docExpansion: "list" } });
  });

  installAuth(app, services.auth);

  app.get(
    "/api/v1/health",
    {
      config: { public: true },
      schema: {
        operationId: "getHealth",
        tags: ["system"],
        summary: "Liveness and the storage back end in use",
        response: {
          200: z.object({
            status: z.literal("ok"),
            storage: z.enum(["pglite", "postgres"]),
            version: z.string(),
          }),
        },
      },
    },
    async () => ({ status: "ok" as const, storage: deps.storage.kind, version: VERSION }),
  );
  registerAuthRoutes(app, {
    auth: services.auth,
    users: services.users,
    config: deps.config,
    countryName: services.countries.nameOf,
  });
  registerScreeningRoutes(app, services.screening);
  if (options.role === "screening") return app;
  registerUsersRoutes(app, services.users);
  registerClientsRoutes(app, services.clients);
  registerCountriesRoutes(app, services.countries);
  registerRecordsRoutes(app, services.records);
  registerBiometricsRoutes(app, services.biometrics);
  registerBiometricSearchRoutes(app, services.biometricSearch);
  registerNoticePreviewRoutes(app, services.notices);
  registerNoticesRoutes(app, services.notices);
  registerPublicNoticesRoutes(app, services.notices);
  registerNoticePhotoRoutes(app, services.notices);
  registerDiffusionsRoutes(app, services.diffusions);
  registerDocumentsRoutes(app, services.documents);
  registerFirearmsRoutes(app, services.firearms, services.traces);
  registerVehiclesRoutes(app, services.vehicles);
  registerMaterialsRoutes(app, services.materials);
  registerAuditRoutes(app, services.audit);
  registerContentRoutes(app, services.content);
  registerReferralsRoutes(app, services.referrals);
  registerPartnersRoutes(app, services.partners);
  registerReviewRoutes(app, services.review);
  registerResolutionRoutes(app, services.resolution);
  registerNotificationsRoutes(app, services.notifications);
  registerDashboardRoutes(app, services.dashboard);

  await registerWebApp(app);
  return app;
}

/** Serves the built web app, with index.html for client-side routes (but never for /api). */
async function registerWebApp(app: ZodApp) {
  if (!existsSync(path.join(webDist, "index.html"))) return;
  await app.register(async (web) => {
    markScopePublic(web);
    await web.register(fastifyStatic, { root: webDist, prefix: "/", wildcard: false });
    web.get("/*", { schema: { hide: true } }, (req, reply) => {
      // The router's decoded path, not the raw URL: an encoded "/%61pi/" is an API path too.
      if ((req.params as { "*": string })["*"].startsWith("api/")) return reply.callNotFound();
      return reply.sendFile("index.html");
    });
  });
}

export type App = Awaited<ReturnType<typeof buildApp>>;
