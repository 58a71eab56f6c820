import type { Selectable } from "kysely";
import type { Deps } from "../../deps.ts";
import { canListAccounts, canManageAccount } from "../../shared/accounts.policy.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { isUuid, randomToken, sha256Hex } from "../../shared/ids.ts";
import { parseOrThrow } from "../../shared/validate.ts";
import type { ApiClientsTable } from "../../storage/schema.ts";
import { appendAudit } from "../audit/audit.append.ts";
import { type ClientView, type CreateClientInput, createClientSchema } from "./clients.schema.ts";

const toView = (c: Selectable<ApiClientsTable>): ClientView => ({
  id: c.id,
  name: c.name,
  role: c.role,
  country: c.country,
  scopes: c.scopes,
  createdAt: new Date(c.created_at).toISOString(),
  revokedAt: c.revoked_at?.toISOString() ?? null,
  lastUsedAt: c.last_used_at?.toISOString() ?? null,
});

// Machine roles a bureau admin may issue for its own border posts, carriers and platforms.
const bureauClientRoles = new Set(["border_officer", "carrier", "platform_partner", "ncb_officer"]);

export function createClientsService({ db, clock }: Deps) {
  async function list(actor: Actor): Promise<ClientView[]> {
    if (!canListAccounts(actor)) throw new AppError("forbidden", "Your role may not manage API clients.");
    let q = db.selectFrom("api_clients").selectAll().orderBy("created_at", "desc");
    if (actor.role !== "admin") q = q.where("country", "=", actor.country);
    return (await q.execute()).map(toView);
  }

  /** Returns the token once; only its SHA-256 is stored (it has 256 bits of entropy, so no KDF). */
  async function create(
    actor: Actor,
    input: CreateClientInput,
  ): Promise<{ client: ClientView; token: string }> {
    const v = parseOrThrow(createClientSchema, input, "API client");
    const country = v.country ?? actor.country;
    const allowed =
      actor.role === "admin" ||
      (actor.role === "ncb_admin" && country === actor.country && bureauClientRoles.has(v.role));
    if (!allowed || !canListAccounts(actor))
      throw new AppError("forbidden", "You may not create this API client.");
    const token = `fsn_${randomToken(32)}`;
    const row = await db.transaction().execute(async (trx) => {
      const c = await trx
        .insertInto("api_clients")
        .values({
          name: v.name,
          role: v.role,
          country,
          scopes: [...new Set(v.scopes)],
          token_hash: sha256Hex(token),
          created_by: actor.kind === "user" ? actor.id : null,
          created_at: clock.now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(trx, clock, actor, {
        action: "client.create",
        recordType: "api_client",
        recordId: c.id,
        detail: { role: v.role, country },
      });
      return c;
    });
    return { client: toView(row), token };
  }

  async function revoke(actor: Actor, id: string): Promise<void> {
    const c = isUuid(id)
      ? await db.selectFrom("api_clients").selectAll().where("id", "=", id).executeTakeFirst()
      : undefined;
    if (!c || !canManageAccount(actor, { role: "ncb_officer", country: c.country })) {
      throw new AppError("not_found", "No such API client within your reach.");
    }
    if (c.revoked_at) return;
    await db.transaction().execute(async (trx) => {
      await trx.updateTable("api_clients").set({ revoked_at: clock.now() }).where("id", "=", id).execute();
      await appendAudit(trx, clock, actor, {
        action: "client.revoke",
        recordType: "api_client",
        recordId: id,
      });
    });
  }

  return { list, create, revoke };
}

export type ClientsService = ReturnType<typeof createClientsService>;
