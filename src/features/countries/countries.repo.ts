import type { Kysely } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import { noticeReadableBy, recordVisibleTo, visibleTo } from "../../shared/envelope/envelope.sql.ts";
import type { Database } from "../../storage/schema.ts";

export const listCountries = (db: Kysely<Database>) =>
  db.selectFrom("countries").selectAll().orderBy("name").execute();

/**
 * Records per owner as the viewer sees them: counts only, for the Secretariat's overview. Counted
 * through the records' own guard, so even a count includes nothing the viewer may not see (the
 * subject of another country's draft notice, for one).
 */
export const countRecordsByOwner = (db: Kysely<Database>, viewer: Pick<Actor, "country" | "isSecretariat">) =>
  db
    .selectFrom("records as r")
    .select(["r.owner as code", (eb) => eb.fn.countAll<number>().as("n")])
    .where(recordVisibleTo(viewer, "r"))
    .groupBy("r.owner")
    .execute();

export const countUsersByCountry = (db: Kysely<Database>) =>
  db
    .selectFrom("users")
    .select(["country as code", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("country")
    .execute();

/**
 * Notices per requesting country, as the viewer reads them (the Secretariat: every request once
 * submitted), for the overview's map: counts only, through the notices' own guard.
 */
export const countNoticesByOwner = (db: Kysely<Database>, viewer: Pick<Actor, "country" | "isSecretariat">) =>
  db
    .selectFrom("notices as n")
    .select(["n.owner as code", (eb) => eb.fn.countAll<number>().as("n")])
    .where(noticeReadableBy(viewer, "n"))
    .groupBy("n.owner")
    .execute();

/** Diffusions per sending country, as the viewer sees them: counts only, through their guard. */
export const countDiffusionsBySender = (
  db: Kysely<Database>,
  viewer: Pick<Actor, "country" | "isSecretariat">,
) =>
  db
    .selectFrom("diffusions as d")
    .select(["d.owner as code", (eb) => eb.fn.countAll<number>().as("n")])
    .where(visibleTo(viewer, "d"))
    .groupBy("d.owner")
    .execute();
