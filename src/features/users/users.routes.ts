import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import { createUserSchema, totpSecretSchema, userSchema } from "./users.schema.ts";
import type { UsersService } from "./users.service.ts";

const idParams = z.object({ id: z.string().min(1).max(100) });

export function registerUsersRoutes(app: ZodApp, users: UsersService): void {
  app.get(
    "/api/v1/users",
    {
      schema: {
        operationId: "listUsers",
        tags: ["users"],
        summary: "Accounts within your reach",
        response: { 200: z.object({ items: z.array(userSchema) }) },
      },
    },
    async (req) => ({ items: await users.list(actorOf(req)) }),
  );

  app.post(
    "/api/v1/users",
    {
      schema: {
        operationId: "createUser",
        tags: ["users"],
        summary: "Create an account (admins; bureau admins for their bureau)",
        body: createUserSchema,
        response: { 201: z.object({ user: userSchema, totp: totpSecretSchema.nullable() }) },
      },
    },
    async (req, reply) => reply.code(201).send(await users.create(actorOf(req), req.body)),
  );

  app.post(
    "/api/v1/users/:id/disable",
    {
      schema: {
        operationId: "disableUser",
        tags: ["users"],
        summary: "Disable an account and end its sessions",
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await users.disable(actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/v1/users/:id/reset-totp",
    {
      schema: {
        operationId: "resetUserTotp",
        tags: ["users"],
        summary: "Issue a new TOTP secret (shown once) and end the account's sessions",
        params: idParams,
        response: { 200: totpSecretSchema },
      },
    },
    async (req) => users.resetTotp(actorOf(req), req.params.id),
  );
}
