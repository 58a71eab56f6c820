import { type RawBuilder, sql } from "kysely";
import type { EnvelopeColumns } from "../../storage/schema.ts";
import type { Actor } from "../actor.ts";
import type { Envelope, EnvelopeValues } from "./envelope.schema.ts";

/**
 * The SQL side of the visibility rule: a predicate every query over an enveloped table must use.
 * `alias` is the table name or alias in the query.
 */
export function visibleTo(
  actor: Pick<Actor, "country" | "isSecretariat">,
  alias: string,
): RawBuilder<boolean> {
  const t = sql.ref(alias);
  return sql<boolean>`fusion_can_see(${t}.owner, ${t}.distribution, ${t}.distribution_countries, ${actor.country}, ${actor.isSecretariat})`;
}

/**
 * A notice as a viewer may read it: the envelope rule, plus the notice's state (drafts are the
 * owner's; the Secretariat reads every request once submitted; other countries only published
 * notices).
 */
export function noticeReadableBy(
  actor: Pick<Actor, "country" | "isSecretariat">,
  alias: string,
): RawBuilder<boolean> {
  const n = sql.ref(alias);
  return sql<boolean>`fusion_notice_readable(${n}.owner, ${n}.state, ${n}.submitted_at IS NOT NULL, ${n}.distribution, ${n}.distribution_countries, ${actor.country}, ${actor.isSecretariat})`;
}

/** What the public sees of notices: published, distributed to all, with the owner's consent. */
export function publicNotice(alias: string): RawBuilder<boolean> {
  const n = sql.ref(alias);
  return sql<boolean>`fusion_public_extract(${n}.state, ${n}.distribution, ${n}.public_extract)`;
}

/**
 * A record as a viewer may see it: the envelope rule, and for the subject of a notice, the
 * notice's own rule - a subject is exactly as visible as its notice.
 */
export function recordVisibleTo(
  actor: Pick<Actor, "country" | "isSecretariat">,
  alias: string,
): RawBuilder<boolean> {
  const r = sql.ref(alias);
  return sql<boolean>`(${visibleTo(actor, alias)} AND (${r}.subject_of_notice IS NULL OR EXISTS (SELECT 1 FROM notices AS subject_notice WHERE subject_notice.id = ${r}.subject_of_notice AND ${noticeReadableBy(actor, "subject_notice")})))`;
}

/** A hash bank as a platform partner (an API client of `country`) sees it. */
export function bankSharedWith(
  platform: { clientId: string; country: string },
  alias: string,
): RawBuilder<boolean> {
  const b = sql.ref(alias);
  return sql<boolean>`fusion_bank_shared_with(${b}.owner, ${b}.distribution, ${b}.distribution_countries, ${b}.shared_with_all_platforms, ${b}.shared_with_clients, ${platform.clientId}::uuid, ${platform.country})`;
}

/** Default review periods per record kind, in years (DESIGN.md §3). */
export function defaultReviewAt(now: Date, years: number): string {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

export function envelopeColumns(owner: string, e: EnvelopeValues, reviewAt: string): EnvelopeColumns {
  return {
    owner,
    distribution: e.distribution,
    distribution_countries: e.distribution === "all" ? [] : [...new Set(e.distributionCountries)].sort(),
    handling_code: e.handlingCode,
    handling_note: e.handlingNote ?? null,
    source_reliability: e.sourceReliability,
    information_accuracy: e.informationAccuracy,
    source_type: e.sourceType,
    review_at: e.reviewAt ?? reviewAt,
  };
}

export function envelopeOf(row: EnvelopeColumns): Envelope {
  return {
    owner: row.owner,
    distribution: row.distribution,
    distributionCountries: row.distribution_countries,
    handlingCode: row.handling_code,
    handlingNote: row.handling_note,
    sourceReliability: row.source_reliability,
    informationAccuracy: row.information_accuracy,
    sourceType: row.source_type,
    reviewAt: row.review_at,
  };
}
