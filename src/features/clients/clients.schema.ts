import { z } from "zod";
import { clientRoles } from "../../shared/roles.ts";

/** What a client may do. Each feature checks the scope it needs on top of the role. */
export const clientScopes = [
  "screening:check",
  "documents:check",
  "content:match",
  "content:referrals",
  "records:read",
  "records:write",
  "biometrics:search",
] as const;

export const createClientSchema = z
  .object({
    name: z.string().trim().min(3).max(100),
    role: z.enum(clientRoles),
    scopes: z.array(z.enum(clientScopes)).min(1).max(clientScopes.length),
    /** Only the platform admin may create a client for another country. */
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
  })
  .strict();
export type CreateClientInput = z.input<typeof createClientSchema>;

export const clientSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.string(),
    country: z.string(),
    scopes: z.array(z.string()),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: "ApiClient" });
export type ClientView = z.infer<typeof clientSchema>;
