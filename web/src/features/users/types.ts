import type { Answer, Body, Schema } from "../../lib/api/schema.ts";

export type UserRow = Schema<"User">;

export type NewUser = Body<"createUser">;

export type TotpSecret = Schema<"TotpSecret">;

/** A secret shown once to the administrator, with the account it belongs to (client-side). */
export interface IssuedSecret extends TotpSecret {
  username: string;
}

/** POST /users answers with the account and, for roles that need a second factor, its secret. */
export type CreatedUser = Answer<"createUser">;
