import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import type { Deps } from "../../deps.ts";
import { publicNotice } from "../../shared/envelope/envelope.sql.ts";
import { AppError } from "../../shared/errors.ts";
import { allWordsIn } from "../../shared/name-query.sql.ts";
import { type NameQuery, parseNameQuery } from "../../shared/name-query.ts";
import type { Database, NoticesTable } from "../../storage/schema.ts";
import * as photos from "./notices.photos.repo.ts";
import type { PublicListQuery, PublicNoticeDetail, PublicNoticeItem } from "./notices.public.schema.ts";
import { unListingOf } from "./notices.public.un.ts";
import { dobText } from "./notices.subject.ts";
import type { NoticeRequest, PersonSubject } from "./rules/notice-request.ts";
import type { UnListed } from "./un-list/types.ts";

/** The public lists: the path under /notices/v1 and which notices it shows. */
export const publicKinds = {
  red: { type: "red", subject: "person" },
  yellow: { type: "yellow", subject: "person" },
  "un/persons": { type: "un_special", subject: "person" },
  "un/entities": { type: "un_special", subject: "entity" },
} as const;
export type PublicKind = keyof typeof publicKinds;

// Only these columns are ever read for the public API: no envelope, findings, reasons or history.
const extractColumns = ["n.notice_number", "n.request", "n.owner", "n.published_at"] as const;

/**
 * Published, distributed to all, and with the owner's consent: the public's guard (migration 006,
 * which also refuses consent on a restricted notice), served by the public partial index.
 */
const base = (db: Kysely<Database>, kind: PublicKind) =>
  db
    .selectFrom("notices as n")
    .where(publicNotice("n"))
    .where("n.type", "=", publicKinds[kind].type)
    .where("n.subject_kind", "=", publicKinds[kind].subject);

/**
 * The free-text search of the public lists: the names the extract shows, in any order or in part,
 * the notice number, and for UN Special Notices the aliases, the name in its original script and
 * the UN reference (all published by the UN). A Red or Yellow Notice is not found by an alias or an
 * original-script name its public extract does not show.
 */
const publicMatches =
  (kind: PublicKind, q: NameQuery) => (eb: ExpressionBuilder<Database & { n: NoticesTable }, "n">) => {
    if (q.noticeNumber) return eb("n.notice_number", "=", q.noticeNumber);
    const un = publicKinds[kind].type === "un_special";
    if (q.unReference)
      return un ? eb(sql<string>`n.request ->> 'unReference'`, "=", q.unReference) : eb.val(false);
    const names = un
      ? sql<string>`n.search_text`
      : sql<string>`concat_ws(' ', n.subject_forename, n.subject_name)`;
    return allWordsIn(names, q.words);
  };

const like = (v: string) => `%${v.toLowerCase().replace(/[%_\\]/g, "\\$&")}%`;

export const toPublicId = (noticeNumber: string) => noticeNumber.replace("/", "-");
const href = (kind: PublicKind, noticeNumber: string) => `/notices/v1/${kind}/${toPublicId(noticeNumber)}`;

/** `thumbnail`: the first photo the owner consented to show (notices.photos.ts), as INTERPOL links it. */
function links(kind: PublicKind, noticeNumber: string, thumbnail: number | undefined) {
  const self = href(kind, noticeNumber);
  return {
    self: { href: self },
    images: { href: `${self}/images` },
    ...(thumbnail !== undefined ? { thumbnail: { href: `${self}/images/${thumbnail}` } } : {}),
  };
}

const personOf = (r: NoticeRequest): PersonSubject | undefined =>
  r.subject.kind === "person" ? r.subject : undefined;

function item(
  kind: PublicKind,
  row: { notice_number: string | null; request: unknown },
  thumbnail?: number,
): PublicNoticeItem {
  const r = row.request as NoticeRequest;
  const p = personOf(r);
  const number = row.notice_number as string;
  return {
    entity_id: number,
    name: p ? (p.familyName ?? null) : r.subject.kind === "entity" ? r.subject.name : null,
    forename: p?.forenames ?? null,
    date_of_birth: dobText(p?.dateOfBirth),
    nationalities: p?.nationalities ?? [],
    _links: links(kind, number, thumbnail),
  };
}

function pageLinks(kind: PublicKind, q: PublicListQuery, total: number) {
  const last = Math.max(1, Math.ceil(total / q.resultPerPage));
  const at = (page: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...q, page })) if (v !== undefined) params.set(k, String(v));
    return { href: `/notices/v1/${kind}?${params}` };
  };
  return {
    self: at(q.page),
    first: at(1),
    ...(q.page > 1 ? { previous: at(Math.min(q.page - 1, last)) } : {}),
    ...(q.page < last ? { next: at(q.page + 1) } : {}),
    last: at(last),
  };
}

export function createPublicNotices({ db, clock }: Deps) {
  /** One page of a public list, in publication order (new notices join the end: pages stay put). */
  async function publicList(kind: PublicKind, q: PublicListQuery) {
    const year = clock.now().getUTCFullYear();
    let query = base(db, kind);
    // lower(...) LIKE matches the trigram indexes of migration 002.
    if (q.name) query = query.where(sql<string>`lower(n.subject_name)`, "like", like(q.name));
    if (q.forename) query = query.where(sql<string>`lower(n.subject_forename)`, "like", like(q.forename));
    if (q.freeText) query = query.where(publicMatches(kind, parseNameQuery(q.freeText)));
    // Containment (@>) uses the GIN indexes of migration 002; the cast keeps the parameter a text.
    if (q.nationality) query = query.where(sql<boolean>`n.nationalities @> ARRAY[${q.nationality}::text]`);
    if (q.arrestWarrantCountryId)
      query = query.where(sql<boolean>`n.warrant_countries @> ARRAY[${q.arrestWarrantCountryId}::text]`);
    if (q.sexId) query = query.where("n.subject_sex", "=", q.sexId);
    if (q.ageMin !== undefined) query = query.where("n.birth_year_to", "<=", year - q.ageMin);
    if (q.ageMax !== undefined) query = query.where("n.birth_year_from", ">=", year - q.ageMax);
    const total = Number(
      (await query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n,
    );
    // Page over the index alone (notice numbers), then read the extracts of that page only: deep
    // pages then cost an index-only scan, not a heap read of every row skipped.
    const pageKeys = query
      .select("n.notice_number")
      .orderBy("n.published_at")
      .orderBy("n.notice_number")
      .limit(q.resultPerPage)
      .offset((q.page - 1) * q.resultPerPage);
    const rows = await db
      .selectFrom("notices as n")
      .select(extractColumns)
      .where(publicNotice("n"))
      .where("n.notice_number", "in", pageKeys)
      .orderBy("n.published_at")
      .orderBy("n.notice_number")
      .execute();
    const thumbs = await photos.firstPublicPhotos(
      db,
      publicKinds[kind],
      rows.map((r) => r.notice_number as string),
    );
    const echo = Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as Record<
      string,
      string | number
    >;
    return {
      total,
      query: echo,
      _embedded: { notices: rows.map((r) => item(kind, r, thumbs.get(r.notice_number as string))) },
      _links: pageLinks(kind, q, total),
    };
  }

  async function find(kind: PublicKind, noticeID: string) {
    const row = await base(db, kind)
      .select(extractColumns)
      .where("n.notice_number", "=", noticeID.replace("-", "/"))
      .executeTakeFirst();
    if (!row?.notice_number) throw new AppError("not_found", "No such public notice.");
    return { ...row, notice_number: row.notice_number, request: row.request as NoticeRequest };
  }

  async function publicDetail(kind: PublicKind, noticeID: string): Promise<PublicNoticeDetail> {
    const row = await find(kind, noticeID);
    const r = row.request;
    const p = personOf(r);
    const looks = p?.physicalDescription;
    const detail: PublicNoticeDetail = {
      ...item(kind, row, await photos.firstPublicPhoto(db, publicKinds[kind], row.notice_number)),
      sex_id: p?.sex ?? null,
      place_of_birth: p?.placeOfBirth?.place ?? null,
      country_of_birth_id: p?.placeOfBirth?.country ?? null,
      height: looks?.heightCm ? looks.heightCm / 100 : null,
      weight: looks?.weightKg ?? null,
      eyes_colors_id: looks?.eyeColour ?? null,
      hairs_id: looks?.hairColour ?? null,
      distinguishing_marks: looks?.distinguishingMarks ?? null,
    };
    if (r.type === "red") {
      const translation = Object.values(r.charges.translations ?? {})[0] ?? null;
      detail.arrest_warrants = [
        { issuing_country_id: row.owner, charge: r.charges.text, charge_translation: translation },
      ];
    }
    if (r.type === "yellow") {
      detail.date_of_event = r.missing.since ?? null;
      detail.place = r.missing.lastSeenPlace ?? null;
    }
    if (r.type === "un_special") {
      detail.un_reference = r.unReference ?? null;
      detail.aliases = r.subject.aliases;
      const listing = await db
        .selectFrom("un_listings as l")
        .innerJoin("notices as n", "n.id", "l.notice_id")
        .select("l.entry")
        .where(publicNotice("n"))
        .where("n.notice_number", "=", row.notice_number)
        .executeTakeFirst();
      if (listing) detail.un_listing = unListingOf(listing.entry as unknown as UnListed);
    }
    return detail;
  }

  /** The photos of a notice that its owner consented to show, each with its address. */
  async function publicImages(kind: PublicKind, noticeID: string) {
    const row = await find(kind, noticeID);
    const shown = await photos.publicPhotoIds(db, publicKinds[kind], row.notice_number);
    const self = href(kind, row.notice_number);
    const images = shown.map((p) => ({
      picture_id: String(p.id),
      _links: { self: { href: `${self}/images/${p.id}` } },
    }));
    return {
      _embedded: { images },
      _links: {
        self: { href: `${self}/images` },
        notice: { href: self },
        ...(images[0] ? { thumbnail: images[0]._links.self } : {}),
      },
    };
  }

  return { publicList, publicDetail, publicImages };
}
