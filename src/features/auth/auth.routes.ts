import type { FastifyReply } from "fastify";
import { z } from "zod";
import type { Config } from "../../config.ts";
import { actorOf, SESSION_COOKIE } from "../../http/auth-plugin.ts";
import { problemSchema } from "../../http/problem.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { totpSecretSchema } from "../users/users.schema.ts";
import type { UsersService } from "../users/users.service.ts";
import { changePasswordSchema, loginSchema, sessionSchema, totpEnableSchema } from "./auth.schema.ts";
import type { AuthService } from "./auth.service.ts";

type Deps = {
  auth: AuthService;
  users: UsersService;
  config: Config;
  countryName: (code: string) => Promise<string>;
};

export function registerAuthRoutes(app: ZodApp, { auth, users, config, countryName }: Deps): void {
  const me = async (actor: Actor) => {
    if (actor.kind !== "user") throw new AppError("forbidden", "API clients have no session.");
    const u = await users.me(actor);
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      // The account's role is the session's role: the actor was built from this row.
      role: actor.role,
      country: { code: u.country, name: await countryName(u.country) },
      totpEnabled: u.totpEnabled,
      demo: config.demo,
    };
  };

  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: "strict",
      secure: config.cookieSecure,
      path: "/",
      maxAge: Math.floor(config.sessionMaxMs / 1000),
    });

  app.post(
    "/api/v1/auth/login",
    {
      config: { public: true, rateLimit: { max: config.loginAttemptsPerMinute, timeWindow: "1 minute" } },
      schema: {
        operationId: "login",
        tags: ["auth"],
        summary: "Log in with password and, when enrolled, a TOTP code",
        body: loginSchema,
        response: { 200: sessionSchema, 401: problemSchema, 423: problemSchema },
      },
    },
    async (req, reply) => {
      const result = await auth.login(req.body);
      setCookie(reply, result.sessionToken);
      return { user: await me(result.actor), csrfToken: result.csrfToken };
    },
  );

  app.get(
    "/api/v1/auth/me",
    {
      schema: {
        operationId: "getSession",
        tags: ["auth"],
        summary: "The logged-in user and the CSRF token",
        response: { 200: sessionSchema },
      },
    },
    async (req) => {
      if (!req.session) throw new AppError("unauthenticated", "No session.");
      return { user: await me(actorOf(req)), csrfToken: req.session.csrfToken };
    },
  );

  app.post(
    "/api/v1/auth/logout",
    {
      schema: {
        operationId: "logout",
        tags: ["auth"],
        summary: "End the session",
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      if (req.session) await auth.logout(req.session);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/v1/auth/totp/setup",
    {
      schema: {
        operationId: "setUpTotp",
        tags: ["auth"],
        summary: "Start enrolling a TOTP second factor",
        response: { 200: totpSecretSchema },
      },
    },
    async (req) => auth.totpSetup(actorOf(req)),
  );

  app.post(
    "/api/v1/auth/totp/enable",
    {
      schema: {
        operationId: "enableTotp",
        tags: ["auth"],
        summary: "Confirm TOTP enrolment with a code",
        body: totpEnableSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await auth.totpEnable(actorOf(req), req.body.code);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/v1/auth/password",
    {
      schema: {
        operationId: "changePassword",
        tags: ["auth"],
        summary: "Change your own password (ends your other sessions)",
        body: changePasswordSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      if (!req.session) throw new AppError("forbidden", "Only a logged-in person changes a password.");
      await auth.changePassword(req.session, req.body.currentPassword, req.body.newPassword);
      return reply.code(204).send(null);
    },
  );
}
