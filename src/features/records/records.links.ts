import { z } from "zod";
import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { inTransaction } from "../../storage/ambient.ts";
import { appendAudit } from "../audit/audit.append.ts";
import { linkProperties } from "./records.ftm.ts";
import * as links from "./records.links.repo.ts";
import { recordsPolicy } from "./records.policy.ts";
import * as repo from "./records.repo.ts";
import { type RecordView, recordSchemata, type StatementView } from "./records.schema.ts";

/*
 * Links between records: FtM properties of type `entity` name another record by its id (a
 * Membership's member and organization, a Passport's holder). An id alone says that a record
 * exists, so a reader never receives the id of a record it may not see: views and statements drop
 * such values (`hideUnseenLinks`), and the links of the entity page list visible records only.
 */

type Viewer = Pick<Actor, "country" | "isSecretariat">;
type Db = Deps["db"];

const allPairs = linkProperties(recordSchemata);
const linkPropsOf = new Map<string, Set<string>>();
for (const [schema, prop] of allPairs)
  linkPropsOf.set(schema, (linkPropsOf.get(schema) ?? new Set()).add(prop));
// Persons and organisations name a `parent` at most; the index (migration 014) leaves them out.
const incomingPairs = allPairs.filter(
  ([schema]) => !["Person", "Organization", "LegalEntity"].includes(schema),
);
/** More links than this are not listed on an entity page. */
const MAX_INCOMING = 200;

const isLink = (schema: string, prop: string) => linkPropsOf.get(schema)?.has(prop) ?? false;

/** The record ids a view's link properties name. */
function linkedIds(v: Pick<RecordView, "schema" | "properties">): string[] {
  return Object.entries(v.properties).flatMap(([prop, values]) => (isLink(v.schema, prop) ? values : []));
}

/** The views without link values naming records the viewer may not see (one query for them all). */
export async function hideUnseenLinks<V extends Pick<RecordView, "schema" | "properties">>(
  db: Db,
  viewer: Viewer,
  views: V[],
): Promise<V[]> {
  const ids = [...new Set(views.flatMap(linkedIds))];
  if (!ids.length) return views;
  const seen = new Set((await links.visibleRefs(db, viewer, ids.filter(isUuid))).map((r) => r.id));
  return views.map((v) => {
    if (!linkedIds(v).length) return v;
    const properties: Record<string, string[]> = {};
    for (const [prop, values] of Object.entries(v.properties)) {
      const kept = isLink(v.schema, prop) ? values.filter((x) => seen.has(x)) : values;
      if (kept.length) properties[prop] = kept;
    }
    return { ...v, properties };
  });
}

/** One view without the link values the viewer may not see. */
export async function hideUnseenLinksOf<V extends Pick<RecordView, "schema" | "properties">>(
  db: Db,
  viewer: Viewer,
  view: V,
): Promise<V> {
  return (await hideUnseenLinks(db, viewer, [view]))[0] as V;
}

/**
 * Link values that name no record the writer may see, as field problems: a link is made only to a
 * record one can see, and "not there" and "not yours" read the same, so no id can be probed.
 */
export async function unseenLinkProblems(
  db: Db,
  viewer: Viewer,
  schema: string,
  properties: Record<string, string[]>,
) {
  const ids = linkedIds({ schema, properties });
  if (!ids.length) return [];
  const seen = new Set(
    (await links.visibleRefs(db, viewer, [...new Set(ids)].filter(isUuid))).map((r) => r.id),
  );
  return Object.entries(properties).flatMap(([prop, values]) =>
    isLink(schema, prop)
      ? values
          .filter((v) => !seen.has(v))
          .map((v) => ({ path: `properties.${prop}`, message: `no such record: ${v.slice(0, 40)}` }))
      : [],
  );
}

/** A record's statements without those of link values naming records the viewer may not see. */
export async function hideUnseenStatements(
  db: Db,
  viewer: Viewer,
  schema: string,
  statements: StatementView[],
) {
  const ids = [...new Set(statements.filter((s) => isLink(schema, s.prop)).map((s) => s.value))];
  if (!ids.length) return statements;
  const seen = new Set((await links.visibleRefs(db, viewer, ids.filter(isUuid))).map((r) => r.id));
  return statements.filter((s) => !isLink(schema, s.prop) || seen.has(s.value));
}

const refSchema = z.object({ id: z.string(), schema: z.string(), caption: z.string(), owner: z.string() });
export const recordLinksSchema = z
  .object({
    /** The records this one names, by property. */
    outgoing: z.array(z.object({ prop: z.string(), record: refSchema })),
    /** The records that name this one (a membership, a passport...), with what else each names. */
    incoming: z.array(
      z.object({
        prop: z.string(),
        record: refSchema,
        others: z.array(z.object({ prop: z.string(), record: refSchema })),
      }),
    ),
  })
  .meta({ id: "RecordLinks" });
export type RecordLinks = z.infer<typeof recordLinksSchema>;

export function createRecordLinks({ db, clock }: Deps) {
  /** Both directions of a visible record's links, each end a record the reader may see. */
  async function linksOf(actor: Actor, id: string): Promise<RecordLinks> {
    if (!recordsPolicy.read(actor)) throw new AppError("forbidden", "Your role may not read records.");
    return inTransaction(db, async (trx) => {
      const row = isUuid(id) ? await repo.findVisible(trx, actor, id) : undefined;
      if (!row) throw new AppError("not_found", "No such record.");
      const linking = await links.visibleLinking(trx, actor, row.id, incomingPairs, MAX_INCOMING);
      const named = (v: Pick<RecordView, "schema" | "properties">) =>
        Object.entries(v.properties).flatMap(([prop, values]) =>
          isLink(v.schema, prop) ? values.map((value) => ({ prop, value })) : [],
        );
      const ids = [...named(row), ...linking.flatMap(named)].map((n) => n.value).filter(isUuid);
      const refs = new Map((await links.visibleRefs(trx, actor, [...new Set(ids)])).map((r) => [r.id, r]));
      const ends = (v: Pick<RecordView, "schema" | "properties">, except?: string) =>
        named(v).flatMap(({ prop, value }) => {
          const record = value === except ? undefined : refs.get(value);
          return record ? [{ prop, record }] : [];
        });
      const incoming = linking.map((l) => ({
        prop: named(l).find((n) => n.value === row.id)?.prop ?? "",
        record: { id: l.id, schema: l.schema, caption: l.caption, owner: l.owner },
        others: ends(l, row.id),
      }));
      await appendAudit(trx, clock, actor, {
        action: "record.links.read",
        recordType: row.schema,
        recordId: row.id,
        detail: { owner: row.owner, incoming: incoming.length },
      });
      return { outgoing: ends(row), incoming };
    });
  }

  return { linksOf };
}
