import { type Insertable, type Kysely, sql, type Updateable } from "kysely";
import { direction, sortOf } from "../../shared/list-sort.ts";
import type { Database, PlatformPartnersTable } from "../../storage/schema.ts";
import type { ListPartnersQuery, PartnerView } from "./partners.schema.ts";

/*
 * The directory of platform partners. It carries no owner envelope (it is reference data every member
 * shares), so no visibility guard applies; who may read and keep it is decided in the service.
 */

type Db = Kysely<Database>;

/** A live API client able to receive referrals: what makes a partner referable now. */
const referable = sql<boolean>`(p.active AND c.id IS NOT NULL AND c.revoked_at IS NULL
  AND c.role = 'platform_partner' AND 'content:referrals' = ANY (c.scopes))`;

function base(db: Db) {
  return db
    .selectFrom("platform_partners as p")
    .leftJoin("api_clients as c", "c.id", "p.client_id")
    .selectAll("p")
    .select(["c.name as client_name", referable.as("receives_referrals")]);
}
export type PartnerRow = Awaited<ReturnType<ReturnType<typeof base>["executeTakeFirstOrThrow"]>>;

const iso = (d: Date | string) => new Date(d).toISOString();

/** `withClient`: the keepers of the directory see which API client a partner answers through. */
export function toView(r: PartnerRow, withClient: boolean): PartnerView {
  return {
    id: r.id,
    name: r.name,
    legalName: r.legal_name,
    country: r.country,
    contactEmail: r.contact_email,
    referralEndpoint: r.referral_endpoint,
    terms: r.terms,
    clientId: withClient ? r.client_id : null,
    clientName: withClient ? r.client_name : null,
    active: r.active,
    receivesReferrals: r.receives_referrals === true,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

const sortColumns = { name: "p.name", country: "p.country", updatedAt: "p.updated_at" } as const;

/** Partners by any part of the name or legal name (trigram index), in the order asked for. */
export async function listPartners(db: Db, q: ListPartnersQuery) {
  let query = base(db);
  if (q.q) {
    const like = `%${q.q.toLowerCase().replace(/[%_\\]/g, "\\$&")}%`;
    query = query.where(sql<boolean>`lower(p.name || ' ' || p.legal_name) LIKE ${like}`);
  }
  if (q.active) query = query.where("p.active", "=", q.active === "true");
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const { key, desc } = sortOf(q.sort);
  const rows = await query
    .orderBy(sql.ref(sortColumns[key]), direction(desc, false))
    .orderBy("p.id")
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

export const findPartner = (db: Db, id: string) => base(db).where("p.id", "=", id).executeTakeFirst();

/** The partner that answers through this API client, if any (referrals made by client id). */
export const partnerOfClient = (db: Db, clientId: string) =>
  base(db).where("p.client_id", "=", clientId).executeTakeFirst();

/** Another partner with this name (any case) or this API client, for a clear conflict. */
export const clashing = (
  db: Db,
  v: { name?: string | undefined; clientId?: string | null | undefined },
  not?: string,
) =>
  db
    .selectFrom("platform_partners")
    .select(["id", "name", "client_id"])
    .where((eb) =>
      eb.or([
        ...(v.name ? [eb(sql`lower(name)`, "=", v.name.toLowerCase())] : []),
        ...(v.clientId ? [eb("client_id", "=", v.clientId)] : []),
      ]),
    )
    .$if(not !== undefined, (qb) => qb.where("id", "<>", not as string))
    .executeTakeFirst();

/** The API client a partner would answer through: it must be a platform client. */
export const findClient = (db: Db, id: string) =>
  db.selectFrom("api_clients").select(["id", "role", "revoked_at"]).where("id", "=", id).executeTakeFirst();

export const insertPartner = (db: Db, values: Insertable<PlatformPartnersTable>) =>
  db.insertInto("platform_partners").values(values).returning("id").executeTakeFirstOrThrow();

export const updatePartner = (db: Db, id: string, set: Updateable<PlatformPartnersTable>) =>
  db.updateTable("platform_partners").set(set).where("id", "=", id).execute();
