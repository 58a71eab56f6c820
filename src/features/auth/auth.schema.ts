import { z } from "zod";
import { roles } from "../../shared/roles.ts";
import { passwordPolicy } from "./credentials.ts";

export const loginSchema = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
    totp: z
      .string()
      .regex(/^\d{6}$/, "six digits")
      .optional(),
  })
  .strict();

export const meSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(roles),
    country: z.object({ code: z.string(), name: z.string() }),
    totpEnabled: z.boolean(),
    demo: z.boolean(),
  })
  .meta({ id: "Me" });

export const sessionSchema = z.object({ user: meSchema, csrfToken: z.string() }).meta({ id: "Session" });
export const totpEnableSchema = z.object({ code: z.string().regex(/^\d{6}$/, "six digits") }).strict();

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1).max(passwordPolicy.maxLength),
    newPassword: z.string().min(passwordPolicy.minLength).max(passwordPolicy.maxLength),
  })
  .strict();
