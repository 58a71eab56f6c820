import type { Role } from "./roles.ts";

/**
 * Who is acting: a logged-in user or an API client. Every service method takes one and checks
 * access first. `isSecretariat` is true for members of the General Secretariat, who may read across
 * countries for oversight (and such reads are audited as oversight).
 */
export type Actor = {
  kind: "user" | "client" | "system";
  id: string;
  username: string;
  role: Role;
  country: string;
  isSecretariat: boolean;
  scopes: readonly string[];
};

/** The actor for CLI maintenance commands run by the platform operator on the server itself. */
export const systemActor = (country: string): Actor => ({
  kind: "system",
  id: "00000000-0000-0000-0000-000000000000",
  username: "system",
  role: "admin",
  country,
  isSecretariat: true,
  scopes: [],
});
