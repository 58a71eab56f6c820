import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { parseOrThrow } from "../../shared/validate.ts";
import { isInternationalEntity, isMemberCountry } from "../../storage/seed/countries.ts";
import { appendAudit } from "../audit/audit.append.ts";
import { partnersPolicy } from "./partners.policy.ts";
import * as repo from "./partners.repo.ts";
import {
  type CreatePartnerInput,
  createPartnerSchema,
  type ListPartnersQuery,
  listPartnersQuery,
  type PartnerView,
  type UpdatePartnerInput,
  updatePartnerSchema,
} from "./partners.schema.ts";

const invalid = (path: string, message: string) =>
  new AppError("validation_failed", "The platform partner is not valid.", { errors: [{ path, message }] });

/**
 * The directory of platform partners: analysts search it to refer content to a platform by name; the
 * platform operator adds partners, links each to the API client it answers through, and retires them.
 * Every read and change is audited.
 */
export function createPartnersService({ db, clock }: Deps) {
  function ensure(allowed: boolean, what: string): void {
    if (!allowed) throw new AppError("forbidden", `Your role may not ${what}.`);
  }

  async function checkClient(trx: Deps["db"], clientId: string | null | undefined) {
    if (!clientId) return;
    const c = await repo.findClient(trx, clientId);
    if (c?.role !== "platform_partner") throw invalid("clientId", "not an API client of a platform partner");
  }

  async function checkUnique(trx: Deps["db"], v: { name?: string; clientId?: string | null }, id?: string) {
    const clash = await repo.clashing(trx, v, id);
    if (!clash) return;
    const sameName = v.name !== undefined && clash.name.toLowerCase() === v.name.toLowerCase();
    throw new AppError(
      "conflict",
      sameName ? "A partner of that name exists." : "That API client already answers for another partner.",
      { errors: [{ path: sameName ? "name" : "clientId", message: "already in the directory" }] },
    );
  }

  const checkCountry = (code: string | undefined) => {
    if (code !== undefined && !isMemberCountry(code) && !isInternationalEntity(code))
      throw invalid("country", `unknown country ${code}`);
  };

  async function list(actor: Actor, input: Partial<ListPartnersQuery>) {
    ensure(partnersPolicy.read(actor), "read the directory of platform partners");
    const q = parseOrThrow(listPartnersQuery, input, "query");
    return db.transaction().execute(async (trx) => {
      const { rows, total } = await repo.listPartners(trx, q);
      await appendAudit(trx, clock, actor, {
        action: "partner.list",
        detail: {
          q: q.q ?? null,
          active: q.active ?? null,
          sort: q.sort,
          page: q.page,
          returned: rows.length,
        },
      });
      const keeper = partnersPolicy.manage(actor);
      return { items: rows.map((r) => repo.toView(r, keeper)), total, page: q.page, pageSize: q.pageSize };
    });
  }

  async function get(actor: Actor, id: string): Promise<PartnerView> {
    ensure(partnersPolicy.read(actor), "read the directory of platform partners");
    return db.transaction().execute(async (trx) => {
      const row = isUuid(id) ? await repo.findPartner(trx, id) : undefined;
      if (!row) throw new AppError("not_found", "No such platform partner.");
      await appendAudit(trx, clock, actor, {
        action: "partner.read",
        recordType: "platform_partner",
        recordId: id,
      });
      return repo.toView(row, partnersPolicy.manage(actor));
    });
  }

  async function create(actor: Actor, input: CreatePartnerInput): Promise<PartnerView> {
    ensure(partnersPolicy.manage(actor), "keep the directory of platform partners");
    const v = parseOrThrow(createPartnerSchema, input, "platform partner");
    checkCountry(v.country);
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      await checkClient(trx, v.clientId);
      await checkUnique(trx, { name: v.name, clientId: v.clientId ?? null });
      const { id } = await repo.insertPartner(trx, {
        name: v.name,
        legal_name: v.legalName,
        country: v.country,
        contact_email: v.contactEmail ?? null,
        referral_endpoint: v.referralEndpoint ?? null,
        terms: v.terms,
        client_id: v.clientId ?? null,
        active: v.active,
        created_by: actor.kind === "user" ? actor.id : null,
        created_at: now,
        updated_at: now,
      });
      await appendAudit(trx, clock, actor, {
        action: "partner.create",
        recordType: "platform_partner",
        recordId: id,
        detail: { name: v.name, country: v.country, clientId: v.clientId ?? null, active: v.active },
      });
      const row = await repo.findPartner(trx, id);
      if (!row) throw new AppError("internal", "The partner was not stored.");
      return repo.toView(row, true);
    });
  }

  async function update(actor: Actor, id: string, input: UpdatePartnerInput): Promise<PartnerView> {
    ensure(partnersPolicy.manage(actor), "keep the directory of platform partners");
    const v = parseOrThrow(updatePartnerSchema, input, "platform partner");
    checkCountry(v.country);
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const current = isUuid(id) ? await repo.findPartner(trx, id) : undefined;
      if (!current) throw new AppError("not_found", "No such platform partner.");
      await checkClient(trx, v.clientId);
      await checkUnique(trx, { ...(v.name ? { name: v.name } : {}), clientId: v.clientId ?? null }, id);
      await repo.updatePartner(trx, id, {
        ...(v.name === undefined ? {} : { name: v.name }),
        ...(v.legalName === undefined ? {} : { legal_name: v.legalName }),
        ...(v.country === undefined ? {} : { country: v.country }),
        ...(v.contactEmail === undefined ? {} : { contact_email: v.contactEmail }),
        ...(v.referralEndpoint === undefined ? {} : { referral_endpoint: v.referralEndpoint }),
        ...(v.terms === undefined ? {} : { terms: v.terms }),
        ...(v.clientId === undefined ? {} : { client_id: v.clientId }),
        ...(v.active === undefined ? {} : { active: v.active }),
        updated_at: now,
      });
      await appendAudit(trx, clock, actor, {
        action: "partner.update",
        recordType: "platform_partner",
        recordId: id,
        detail: { changed: Object.keys(v), ...(v.active === undefined ? {} : { active: v.active }) },
      });
      const row = await repo.findPartner(trx, id);
      if (!row) throw new AppError("internal", "The partner vanished.");
      return repo.toView(row, true);
    });
  }

  /**
   * The partner a referral goes to, checked: in the directory, active, and answering through a live
   * API client. Also accepts the client's id (API users who refer by client), mapped to its partner.
   */
  async function forReferral(ref: { partnerId?: string | undefined; platformClientId?: string | undefined }) {
    if (ref.partnerId) {
      const p = isUuid(ref.partnerId) ? await repo.findPartner(db, ref.partnerId) : undefined;
      if (!p) throw invalidReferral("partnerId", "not a partner in the directory");
      if (!p.active) throw invalidReferral("partnerId", "the partner is no longer active");
      if (!p.receives_referrals || !p.client_id)
        throw invalidReferral("partnerId", "the partner has no API client that receives referrals");
      return { partnerId: p.id, clientId: p.client_id };
    }
    const clientId = ref.platformClientId ?? "";
    const p = isUuid(clientId) ? await repo.partnerOfClient(db, clientId) : undefined;
    if (p && !p.active) throw invalidReferral("platformClientId", "the partner is no longer active");
    return { partnerId: p?.id ?? null, clientId };
  }

  return { list, get, create, update, forReferral };
}

const invalidReferral = (path: string, message: string) =>
  new AppError("validation_failed", "The referral is not valid.", { errors: [{ path, message }] });

export type PartnersService = ReturnType<typeof createPartnersService>;
