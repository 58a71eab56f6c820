/**
 * Matching against the hash banks: owns the in-memory matcher (built lazily from the database,
 * then kept current by the service after each committed write) and audits every query and hit.
 */

import type { Deps } from "../../deps.ts";
import { DEFAULT_MAX_DISTANCE } from "../../search/pdq-index/index.ts";
import type { Actor } from "../../shared/actor.ts";
import { isOversightRead } from "../../shared/envelope/visibility.ts";
import { AppError } from "../../shared/errors.ts";
import { parseOrThrow } from "../../shared/validate.ts";
import { outsideTransaction } from "../../storage/ambient.ts";
import { appendAudit } from "../audit/audit.append.ts";
import { hashImage } from "./content.hashing.ts";
import * as loaders from "./content.matcher.repo.ts";
import { ContentMatcher, type MatchViewer, type RawMatch } from "./content.matcher.ts";
import { contentPolicy } from "./content.policy.ts";
import type * as repo from "./content.repo.ts";
import {
  type MatchRequest,
  type MatchResult,
  type MatchView,
  MIN_PDQ_QUALITY,
  matchRequestSchema,
} from "./content.schema.ts";
import {
  matchVideoFrames,
  type VideoMatchResult,
  type VideoQuery,
  videoResult,
} from "./content.video.match.ts";
import { bankMeta, entryMeta } from "./content.views.ts";

/** A change younger than this may still have an earlier sequence number committing behind it. */
const FEED_SETTLE_MS = 10_000;

export type MatchingOptions = {
  /** PDQ radius when a request names none (default 31). */
  pdqMaxDistance?: number;
  /** How often, at most, a match first reads the change feed for other servers' writes (ms). */
  feedPollMs?: number;
};

export function createMatching({ db, clock }: Deps, options: MatchingOptions = {}) {
  const defaultMaxDistance = options.pdqMaxDistance ?? DEFAULT_MAX_DISTANCE;
  const pollMs = options.feedPollMs ?? 1000;
  let feedSeq = 0;
  let lastPoll = Number.NEGATIVE_INFINITY;
  let matcher: ContentMatcher | null = null;
  let loading: Promise<ContentMatcher> | null = null;
  // Writes that commit while the matcher loads are replayed on it once loaded.
  let queued: ((m: ContentMatcher) => void)[] = [];

  const apply = (fn: (m: ContentMatcher) => void) => {
    if (matcher) fn(matcher);
    else if (loading) queued.push(fn);
  };

  async function load(): Promise<ContentMatcher> {
    const m = new ContentMatcher();
    feedSeq = await loaders.feedHead(db);
    lastPoll = clock.now().getTime();
    for (const b of await loaders.allBanks(db)) m.putBank(bankMeta(b));
    for await (const page of loaders.allEntries(db)) m.loadEntries(page.map(entryMeta));
    for (const fn of queued) fn(m);
    queued = [];
    matcher = m;
    return m;
  }

  /**
   * Applies changes other servers wrote (this server's own are applied as they commit; re-applying
   * them is harmless). The read position only moves past settled changes, so a transaction that
   * took its sequence number earlier but committed later is still seen.
   */
  async function follow(m: ContentMatcher): Promise<void> {
    const now = clock.now().getTime();
    if (now - lastPoll < pollMs) return;
    lastPoll = now;
    const changes = await loaders.feedSince(db, feedSeq, 10_000);
    const ids = (type: string) => [
      ...new Set(changes.filter((c) => c.entity_type === type).map((c) => c.entity_id)),
    ];
    for (const b of await loaders.banksByIds(db, ids("hash_bank"))) m.putBank(bankMeta(b));
    const entries = await loaders.entriesByIds(db, ids("hash_entry").map(Number));
    for (const e of entries) m.putEntry(entryMeta(e));
    for (const c of changes) {
      if (now - new Date(c.at).getTime() < FEED_SETTLE_MS) break;
      feedSeq = Number(c.seq);
    }
  }

  async function getMatcher(): Promise<ContentMatcher> {
    if (!matcher) {
      // Shared by every caller: it must not run inside (and end with) the first caller's transaction.
      loading ??= outsideTransaction(load).catch((e) => {
        loading = null;
        throw e;
      });
      return loading;
    }
    await follow(matcher);
    return matcher;
  }

  const viewerOf = (actor: Actor): MatchViewer => ({
    country: actor.country,
    isSecretariat: actor.isSecretariat,
    platformClientId: contentPolicy.isPlatform(actor) ? (actor.kind === "client" ? actor.id : "") : null,
  });

  /** Humans see provenance and status; platforms see the signal, the bank and its labels only. */
  function shape(m: RawMatch, actor: Actor): MatchView {
    const base = {
      entryId: m.entry.id,
      bankId: m.bank.id,
      bankName: m.bank.name,
      signalType: m.entry.signalType,
      value: m.entry.value,
      distance: m.distance,
      labels: m.entry.labels,
    };
    if (contentPolicy.isPlatform(actor)) return base;
    return {
      ...base,
      status: m.entry.status,
      contributedCountry: m.entry.contributedCountry,
      contributedUnit: m.entry.contributedUnit,
      firstSeen: m.entry.firstSeen,
    };
  }

  /** One audit row for the query and one per hit, in one transaction. */
  async function audit(actor: Actor, query: Record<string, unknown>, matches: RawMatch[]) {
    await db.transaction().execute(async (trx) => {
      await appendAudit(trx, clock, actor, {
        action: "content.match.query",
        detail: { ...query, hits: matches.length },
      });
      for (const m of matches)
        await appendAudit(trx, clock, actor, {
          action: "content.match.hit",
          recordType: "hash_entry",
          recordId: String(m.entry.id),
          detail: {
            bankId: m.bank.id,
            owner: m.bank.owner,
            distance: m.distance,
            signalType: m.entry.signalType,
            oversight: isOversightRead(m.bank, actor),
          },
        });
    });
  }

  async function matchHash(actor: Actor, input: MatchRequest): Promise<MatchResult> {
    if (!contentPolicy.match(actor)) throw new AppError("forbidden", "Your role may not match content.");
    const v = parseOrThrow(matchRequestSchema, input, "match request");
    const value = v.value.toLowerCase();
    const m = await getMatcher();
    const maxDistance = v.maxDistance ?? defaultMaxDistance;
    const usable = v.signalType !== "pdq" || v.quality === undefined || v.quality >= MIN_PDQ_QUALITY;
    const viewer = viewerOf(actor);
    const raw = !usable
      ? []
      : v.signalType === "pdq"
        ? m.matchPdq(value, maxDistance, viewer)
        : m.matchExact(v.signalType, value, viewer);
    await audit(actor, { signalType: v.signalType, value, maxDistance, matched: usable }, raw);
    return {
      query:
        v.signalType === "pdq"
          ? { pdq: value, ...(v.quality === undefined ? {} : { quality: v.quality }) }
          : v.signalType === "video_md5"
            ? {}
            : { [v.signalType]: value },
      matched: usable,
      matches: raw.map((x) => shape(x, actor)),
    };
  }

  /** Hashes an uploaded image (PDQ + MD5 + SHA-256) and matches all three. Nothing is stored. */
  async function matchImage(actor: Actor, bytes: Uint8Array, maxDistance?: number): Promise<MatchResult> {
    if (!contentPolicy.match(actor)) throw new AppError("forbidden", "Your role may not match content.");
    const h = await hashImage(bytes);
    const m = await getMatcher();
    const viewer = viewerOf(actor);
    const usable = h.quality >= MIN_PDQ_QUALITY;
    const found = new Map<number, RawMatch>();
    const all = [
      ...m.matchExact("md5", h.md5, viewer),
      ...m.matchExact("sha256", h.sha256, viewer),
      ...(usable ? m.matchPdq(h.pdq, maxDistance ?? defaultMaxDistance, viewer) : []),
    ];
    for (const x of all) if (!found.has(x.entry.id)) found.set(x.entry.id, x);
    const raw = [...found.values()].sort((a, b) => a.distance - b.distance || a.entry.id - b.entry.id);
    await audit(actor, { image: true, ...h, bytes: bytes.length }, raw);
    return { query: h, matched: usable, matches: raw.map((x) => shape(x, actor)) };
  }

  /** Matches a hashed video (file digests and frame PDQs); one audit row per distinct entry hit. */
  async function matchVideo(actor: Actor, v: VideoQuery, maxDistance?: number): Promise<VideoMatchResult> {
    if (!contentPolicy.match(actor)) throw new AppError("forbidden", "Your role may not match content.");
    const m = await getMatcher();
    const distance = maxDistance ?? defaultMaxDistance;
    const raw = matchVideoFrames(m, viewerOf(actor), v, distance);
    const { md5, sha256, durationSeconds, bytes } = v;
    const query = { video: true, md5, sha256, durationSeconds, bytes, frames: v.frames.length };
    await audit(
      actor,
      { ...query, maxDistance: distance },
      raw.entries.map((e) => e.match),
    );
    return videoResult(v, raw, (x) => shape(x, actor));
  }

  return {
    matchHash,
    matchImage,
    matchVideo,
    putBank: (row: repo.BankRow) => apply((m) => m.putBank(bankMeta(row))),
    /** Entries that may already be in the matcher (updates). */
    putEntries: (rows: repo.EntryRow[]) =>
      apply((m) => {
        for (const r of rows) m.putEntry(entryMeta(r));
      }),
    /** Entries just created: the bulk path. */
    addNew: (rows: repo.EntryRow[]) => apply((m) => m.loadEntries(rows.map(entryMeta))),
  };
}
