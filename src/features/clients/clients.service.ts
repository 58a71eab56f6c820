import type { Selectable } from "kysely";
import type { Deps } from "../../deps.ts";
import { canListAccounts, canManageAccount } from "../../shared/accounts.policy.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { isUuid, randomToken, sha256Hex } from "../../shared/ids.ts";
import { parseOrThrow } from "../../shared/validate.ts";
import { inTransaction } from "../../storage/ambient.ts";
import type { ApiClientsTable } from "../../storage/schema.ts";
import { appendAudit } from "../audit/audit.append.ts";
import * as repo from "./clients.repo.ts";
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
  /** The API clients within the actor's reach. Who looked at which bureau's clients is audited. */
  async function list(actor: Actor): Promise<ClientView[]> {
    if (!canListAccounts(actor)) throw new AppError("forbidden", "Your role may not manage API clients.");
    const scope = actor.role === "admin" ? null : actor.country;
    return inTransaction(db, async (trx) => {
      const rows = await repo.listClients(trx, scope);
      await appendAudit(trx, clock, actor, {
        action: "client.list",
        detail: { country: scope ?? "all", count: rows.length },
      });
      return rows.map(toView);
    });
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
    const row = await inTransaction(db, async (trx) => {
      const c = await repo.insertClient(trx, {
        name: v.name,
        role: v.role,
        country,
        scopes: [...new Set(v.scopes)],
        token_hash: sha256Hex(token),
        created_by: actor.kind === "user" ? actor.id : null,
        created_at: clock.now(),
      });
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
    const c = isUuid(id) ? await repo.findClientById(db, id) : undefined;
    // Another bureau's client answers exactly like one that does not exist.
    if (!c || !canManageAccount(actor, { role: "ncb_officer", country: c.country })) {
      throw new AppError("not_found", "No such API client within your reach.");
    }
    if (c.revoked_at) return;
    await inTransaction(db, async (trx) => {
      await repo.revokeClient(trx, id, clock.now());
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
