import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AuthService, SessionContext } from "../features/auth/auth.service.ts";
import type { Actor } from "../shared/actor.ts";
import { AppError } from "../shared/errors.ts";

export const SESSION_COOKIE = "fusion_session";
export const CSRF_HEADER = "x-csrf-token";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionContext | null;
  }
  interface FastifyContextConfig {
    /** Routes that answer without a logged-in user or API client (login, health, public notices). */
    public?: boolean;
  }
}

/**
 * Declares every route registered in `scope` (an encapsulated plugin context) public. For the
 * routes that plugins register (the web app's files, the interactive API docs), which cannot carry
 * our route config. Route hooks only see routes registered after them: call this first.
 */
export function markScopePublic(scope: FastifyInstance): void {
  scope.addHook("onRoute", (route) => {
    route.config = { ...(route.config ?? {}), public: true } as typeof route.config;
  });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Resolves who is calling (a session cookie or an API client's bearer token) before any handler
 * runs, and enforces CSRF on cookie-authenticated writes. Bearer requests carry no ambient
 * credentials, so they need no CSRF token.
 */
export function installAuth(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest("actor", null);
  app.decorateRequest("session", null);

  app.addHook("onRequest", async (req) => {
    const header = req.headers.authorization;
    if (header) {
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      const actor = token ? await auth.resolveClientToken(token) : null;
      if (!actor)
        throw new AppError("unauthenticated", "The API token is missing, malformed, revoked or unknown.");
      req.actor = actor;
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) {
      const session = await auth.resolveSession(cookie);
      if (session) {
        req.session = session;
        req.actor = session.actor;
        const isPublic = req.routeOptions.config.public === true;
        if (!isPublic && !SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== session.csrfToken) {
          throw new AppError("forbidden", "Missing or wrong CSRF token; reload the page and try again.");
        }
      }
    }
    // Closed by default: the decision is made on the route the router matched (after decoding
    // the path), never on the raw URL, so `/%61pi/v1/...` is the same route as `/api/v1/...`.
    // An unmatched URL has no public route either, and so asks for credentials.
    if (!req.actor && req.routeOptions.config?.public !== true) {
      throw new AppError("unauthenticated", "Log in, or present an API token, to use this endpoint.");
    }
  });
}

/** The acting user or client; routes that are not public can rely on it being present. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor)
    throw new AppError("unauthenticated", "Log in, or present an API token, to use this endpoint.");
  return req.actor;
}
