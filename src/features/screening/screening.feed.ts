import type { Deps } from "../../deps.ts";
import { outsideTransaction } from "../../storage/ambient.ts";
import * as repo from "./screening.loader.repo.ts";
import { listingOfPersonSubject, listingOfProperties, type PersonSubject } from "./screening.subjects.ts";
import { type ListedMeta, Watchlist } from "./watchlist.ts";

/*
 * Builds a node's watchlist from the database and keeps it current from the change feed (DESIGN.md
 * §2): a notice published, a person entered, a diffusion cancelled or a document reported stolen on
 * any node is searchable (or gone) here within the poll interval, without a restart.
 */

const PAGE = 5000;
/** A change younger than this may still have an earlier sequence number committing behind it. */
const FEED_SETTLE_MS = 10_000;

export type BuildProgress = { phase: "notices" | "diffusions" | "persons" | "documents"; loaded: number };

type NoticeRow = Awaited<ReturnType<typeof repo.noticesByIds>>[number];
type PersonRow = Awaited<ReturnType<typeof repo.recordsByIds>>[number];
type DiffusionRow = Awaited<ReturnType<typeof repo.diffusionsByIds>>[number];

const day = (d: unknown): string =>
  d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10);
const envelope = (r: { owner: string; distribution: string; distribution_countries: string[] }) => ({
  owner: r.owner,
  distribution: r.distribution as ListedMeta["distribution"],
  distributionCountries: r.distribution_countries,
});

function putNotice(w: Watchlist, r: NoticeRow): void {
  if (r.state !== "published") {
    w.remove("notice", r.id);
    return;
  }
  w.put(
    {
      kind: "notice",
      sourceId: r.id,
      ...envelope(r),
      reviewAt: day(r.review_at),
      validUntil: r.valid_until ? new Date(r.valid_until).getTime() : null,
      // A Blue or Green notice is a discreet check by its nature; any other when its subject is flagged.
      discreet: r.type === "blue" || r.type === "green" || r.discreet_check,
      category: r.type,
    },
    listingOfProperties(r.properties),
  );
}

function putPerson(w: Watchlist, r: PersonRow): void {
  if (r.schema !== "Person" || r.subject_of_notice !== null) {
    w.remove("person", r.id);
    return;
  }
  w.put(
    {
      kind: "person",
      sourceId: r.id,
      ...envelope(r),
      reviewAt: day(r.review_at),
      validUntil: null,
      discreet: r.discreet_check,
      category: "person",
    },
    listingOfProperties(r.properties),
  );
}

function putDiffusion(w: Watchlist, r: DiffusionRow): void {
  const subject = r.subject as PersonSubject | null;
  if (r.review_state === "cancelled" || subject?.kind !== "person") {
    w.remove("diffusion", r.id);
    return;
  }
  w.put(
    {
      kind: "diffusion",
      sourceId: r.id,
      ...envelope(r),
      reviewAt: day(r.review_at),
      validUntil: null,
      discreet: r.kind === "locate" || r.kind === "information",
      category: r.kind,
    },
    listingOfPersonSubject(subject),
  );
}

export function createWatchlistFeed({ db, config }: Deps) {
  const pollMs = config.screeningFeedPollMs;
  let watchlist: Watchlist | null = null;
  let loading: Promise<Watchlist> | null = null;
  let following: Promise<void> | null = null;
  let feedSeq = 0;
  let lastPoll = Number.NEGATIVE_INFINITY;

  async function pages<R extends { id: string }>(
    read: (after: string) => Promise<R[]>,
    put: (r: R) => void,
    report: (n: number) => void,
  ) {
    let after = repo.FIRST_UUID;
    let loaded = 0;
    for (;;) {
      const page = await read(after);
      for (const r of page) put(r);
      loaded += page.length;
      report(loaded);
      const last = page.at(-1);
      if (!last || page.length < PAGE) return;
      after = last.id;
    }
  }

  async function build(onProgress?: (p: BuildProgress) => void): Promise<Watchlist> {
    const w = new Watchlist();
    feedSeq = await repo.feedHead(db);
    lastPoll = performance.now();
    const report = (phase: BuildProgress["phase"]) => (loaded: number) => onProgress?.({ phase, loaded });
    await pages(
      (a) => repo.publishedNoticesPage(db, a, PAGE),
      (r) => putNotice(w, r),
      report("notices"),
    );
    await pages(
      (a) => repo.diffusionsPage(db, a, PAGE),
      (r) => putDiffusion(w, r),
      report("diffusions"),
    );
    await pages(
      (a) => repo.personsPage(db, a, PAGE),
      (r) => putPerson(w, r),
      report("persons"),
    );
    w.documents.reserve(await repo.documentCountEstimate(db));
    let after = 0;
    let loaded = 0;
    for (;;) {
      const page = await repo.documentNumbersPage(db, after, PAGE * 10);
      for (const d of page) w.documents.add(d.number_norm);
      loaded += page.length;
      onProgress?.({ phase: "documents", loaded });
      const last = page.at(-1);
      if (!last || page.length < PAGE * 10) break;
      after = Number(last.id);
    }
    return w;
  }

  /**
   * Applies what any node wrote since the last read. The read position moves only past settled
   * changes, so a transaction that took its sequence number earlier but committed later is seen.
   */
  async function follow(w: Watchlist): Promise<void> {
    lastPoll = performance.now();
    const changes = await repo.feedSince(db, feedSeq, 10_000);
    if (changes.length === 0) return;
    const ids = (type: string) => [
      ...new Set(changes.filter((c) => c.entity_type === type).map((c) => c.entity_id)),
    ];
    const records = await repo.recordsByIds(db, ids("record"));
    // A subject record's change (its names, its discreet flag) is its notice's change.
    const noticeIds = [
      ...ids("notice"),
      ...records.flatMap((r) => (r.subject_of_notice ? [r.subject_of_notice] : [])),
    ];
    const notices = await repo.noticesByIds(db, [...new Set(noticeIds)]);
    for (const id of new Set(noticeIds)) if (!notices.some((n) => n.id === id)) w.remove("notice", id);
    for (const n of notices) putNotice(w, n);
    for (const id of ids("record")) if (!records.some((r) => r.id === id)) w.remove("person", id);
    for (const r of records) putPerson(w, r);
    const diffusions = await repo.diffusionsByIds(db, ids("diffusion"));
    for (const id of ids("diffusion")) if (!diffusions.some((d) => d.id === id)) w.remove("diffusion", id);
    for (const d of diffusions) putDiffusion(w, d);
    // The number table only ever learns numbers: a number no longer held costs one confirming read.
    const docs = await repo.documentNumbersByIds(db, ids("travel_document").map(Number));
    for (const d of docs) if (!w.documents.mayHold(d.number_norm)) w.documents.add(d.number_norm);
    const now = Date.now();
    for (const c of changes) {
      if (now - new Date(c.at).getTime() < FEED_SETTLE_MS) break;
      feedSeq = Number(c.seq);
    }
  }

  /** The watchlist, built once by whoever asks first; a failed build is retried by the next caller. */
  function load(onProgress?: (p: BuildProgress) => void): Promise<Watchlist> {
    if (watchlist) return Promise.resolve(watchlist);
    loading ??= outsideTransaction(() => build(onProgress)).then(
      (w) => {
        watchlist = w;
        return w;
      },
      (e) => {
        loading = null;
        throw e;
      },
    );
    return loading;
  }

  /** One follow at a time; callers arriving meanwhile share it. */
  function followOnce(w: Watchlist): Promise<void> {
    following ??= outsideTransaction(() => follow(w)).finally(() => {
      following = null;
    });
    return following;
  }

  return {
    /** The current watchlist, built on first use and brought up to date when the last read is stale. */
    async current(): Promise<Watchlist> {
      if (!watchlist) return load();
      if (performance.now() - lastPoll >= pollMs) await followOnce(watchlist);
      return watchlist;
    },
    /** Builds the watchlist now (at start-up), reporting progress. */
    warmUp: (onProgress?: (p: BuildProgress) => void): Promise<Watchlist> => load(onProgress),
    /** Keeps following the feed in the background (a serving node); returns the stop function. */
    startFollowing(log: (e: unknown) => void): () => void {
      const timer = setInterval(
        () => {
          if (watchlist && performance.now() - lastPoll >= pollMs) followOnce(watchlist).catch(log);
        },
        Math.max(50, pollMs),
      );
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

export type WatchlistFeed = ReturnType<typeof createWatchlistFeed>;
