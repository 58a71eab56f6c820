import { type Kysely, type Selectable, sql } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import { visibleTo } from "../../shared/envelope/envelope.sql.ts";
import { direction, sortOf } from "../../shared/list-sort.ts";
import type { Database, DiffusionsTable } from "../../storage/schema.ts";
import type { DiffusionView, ListDiffusionsQuery } from "./diffusions.schema.ts";

type Viewer = Pick<Actor, "country" | "isSecretariat">;
export type DiffusionRow = Selectable<DiffusionsTable>;

type Payload = { title: string; body: string; subject?: Record<string, unknown>; reference?: string };

export function toView(row: DiffusionRow): DiffusionView {
  const p = row.payload as Payload;
  return {
    id: row.id,
    kind: row.kind as DiffusionView["kind"],
    sender: row.owner,
    recipients: row.distribution === "all" ? "all" : row.distribution_countries,
    title: p.title,
    body: p.body,
    subject: p.subject ?? null,
    reference: p.reference ?? null,
    handlingCode: row.handling_code,
    handlingNote: row.handling_note,
    reviewed: row.review_state !== "unreviewed",
    reviewState: row.review_state,
    reviewReasons: row.review_reasons,
    reviewedAt: row.reviewed_at ? new Date(row.reviewed_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
    version: row.version,
  };
}

/** The sender, the recipients and the General Secretariat see a diffusion; nobody else. */
export const findVisible = (db: Kysely<Database>, viewer: Viewer, id: string, lock = false) => {
  const q = db
    .selectFrom("diffusions as d")
    .selectAll("d")
    .where("d.id", "=", id)
    .where(visibleTo(viewer, "d"));
  return (lock ? q.forUpdate() : q).executeTakeFirst();
};

const sortColumns = {
  createdAt: sql`d.created_at`,
  title: sql`lower(d.payload ->> 'title')`,
  kind: sql`d.kind`,
  sender: sql`d.owner`,
  reviewState: sql`d.review_state`,
} as const;

export async function listVisible(db: Kysely<Database>, viewer: Viewer, q: ListDiffusionsQuery) {
  let base = db.selectFrom("diffusions as d").where(visibleTo(viewer, "d"));
  if (q.reviewState) base = base.where("d.review_state", "=", q.reviewState);
  if (q.kind) base = base.where("d.kind", "=", q.kind);
  if (q.box === "sent") base = base.where("d.owner", "=", viewer.country);
  if (q.box === "received") base = base.where("d.owner", "<>", viewer.country);
  const total = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll("d")
    .$call((qb) => {
      const { key, desc } = sortOf(q.sort ?? "-createdAt");
      const ordered = qb.orderBy(sortColumns[key], direction(desc, false));
      return key === "createdAt" ? ordered : ordered.orderBy("d.created_at", "desc");
    })
    .orderBy("d.id")
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}
