import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import { clientSchema, createClientSchema } from "./clients.schema.ts";
import type { ClientsService } from "./clients.service.ts";

export function registerClientsRoutes(app: ZodApp, clients: ClientsService): void {
  app.get(
    "/api/v1/clients",
    {
      schema: {
        operationId: "listClients",
        tags: ["clients"],
        summary: "API clients within your reach",
        response: { 200: z.object({ items: z.array(clientSchema) }) },
      },
    },
    async (req) => ({ items: await clients.list(actorOf(req)) }),
  );

  app.post(
    "/api/v1/clients",
    {
      schema: {
        operationId: "createClient",
        tags: ["clients"],
        summary: "Create an API client; the token is shown once",
        body: createClientSchema,
        response: { 201: z.object({ client: clientSchema, token: z.string() }) },
      },
    },
    async (req, reply) => reply.code(201).send(await clients.create(actorOf(req), req.body)),
  );

  app.post(
    "/api/v1/clients/:id/revoke",
    {
      schema: {
        operationId: "revokeClient",
        tags: ["clients"],
        summary: "Revoke an API client",
        params: z.object({ id: z.string().max(100) }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await clients.revoke(actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
