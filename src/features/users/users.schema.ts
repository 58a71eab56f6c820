import { z } from "zod";
import { countryCode } from "../../shared/envelope/envelope.schema.ts";
import { roles } from "../../shared/roles.ts";
import { passwordPolicy } from "../auth/credentials.ts";

export const createUserSchema = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/i, "3-64 letters, digits, dot, dash or underscore"),
    displayName: z.string().trim().min(1).max(200),
    role: z.enum(roles),
    country: countryCode,
    password: z.string().min(passwordPolicy.minLength).max(passwordPolicy.maxLength),
  })
  .strict();
export type CreateUserInput = z.input<typeof createUserSchema>;

export const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.string(),
    country: z.string(),
    disabled: z.boolean(),
    totpEnabled: z.boolean(),
    lockedUntil: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "User" });
export type UserView = z.infer<typeof userSchema>;

export const totpSecretSchema = z
  .object({ secret: z.string(), otpauthUrl: z.string() })
  .meta({ id: "TotpSecret" });
