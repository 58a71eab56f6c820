import { type Kysely, sql } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import { recordVisibleTo } from "../../shared/envelope/envelope.sql.ts";
import type { Database } from "../../storage/schema.ts";

type Viewer = Pick<Actor, "country" | "isSecretariat">;

/** Which of these record ids the viewer may see, with what names them on screen. */
export const visibleRefs = (db: Kysely<Database>, viewer: Viewer, ids: readonly string[]) =>
  ids.length
    ? db
        .selectFrom("records as r")
        .select(["r.id", "r.schema", "r.caption", "r.owner"])
        .where("r.id", "in", [...ids])
        .where(recordVisibleTo(viewer, "r"))
        .execute()
    : Promise.resolve([]);

/**
 * The visible records whose link properties name `id` (a Membership's member, a Passport's
 * holder...), at most `limit`. Each (schema, property) pair is one containment test, which the
 * partial GIN index of migration 014 serves.
 */
export const visibleLinking = (
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  pairs: readonly (readonly [schema: string, prop: string])[],
  limit: number,
) =>
  db
    .selectFrom("records as r")
    .selectAll("r")
    .where("r.schema", "in", [...new Set(pairs.map(([s]) => s))])
    .where((eb) =>
      eb.or(
        pairs.map(([schema, prop]) =>
          eb.and([
            eb("r.schema", "=", schema),
            sql<boolean>`r.properties @> ${JSON.stringify({ [prop]: [id] })}::jsonb`,
          ]),
        ),
      ),
    )
    .where(recordVisibleTo(viewer, "r"))
    .orderBy("r.updated_at", "desc")
    .limit(limit)
    .execute();
