import type { Deps } from "../../deps.ts";
import { readTemplate } from "../../search/fingerprints/formats/index.ts";
import { prepareTemplate } from "../../search/fingerprints/matcher/index.ts";
import { feedHead } from "../../shared/change-feed.ts";
import { openTransaction, outsideTransaction } from "../../storage/ambient.ts";
import * as repo from "./biometrics.galleries.repo.ts";
import { faceVector } from "./biometrics.probe.ts";
import { FaceGalleries } from "./face-galleries.ts";
import { FingerprintGalleries } from "./fingerprint-galleries.ts";
import type { TemplateVisibility } from "./gallery-visibility.ts";

/*
 * The node's biometric galleries: built from the database on first use, then kept current from the
 * change feed - a template enrolled or retracted, a person's distribution changed, a notice about a
 * subject published or cancelled on any node is searchable (or gone) here within the poll interval.
 */

const PAGE = 2000;
/** A change younger than this may still have an earlier sequence number committing behind it. */
const FEED_SETTLE_MS = 10_000;

export type Galleries = { fingerprints: FingerprintGalleries; faces: FaceGalleries };

const visibilityOf = (r: repo.GalleryRow): TemplateVisibility => ({
  owner: r.owner,
  distribution: r.distribution,
  distributionCountries: r.distribution_countries,
  notice:
    r.notice_owner === null
      ? null
      : {
          owner: r.notice_owner,
          state: r.notice_state ?? "draft",
          submitted: r.notice_submitted_at !== null,
          distribution: r.notice_distribution ?? "only",
          distributionCountries: r.notice_distribution_countries ?? [],
        },
});

export function createGalleries({ db, config }: Deps) {
  const pollMs = config.screeningFeedPollMs;
  let galleries: Galleries | null = null;
  let loading: Promise<Galleries> | null = null;
  let following: Promise<void> | null = null;
  let feedSeq = 0;
  let lastPoll = Number.NEGATIVE_INFINITY;
  /** Templates held, by person: a person's change reloads all of them. */
  const templatesOf = new Map<string, Set<string>>();
  /** Persons held that are the subject of a notice, by notice: the notice's change is theirs. */
  const subjectsOf = new Map<string, Set<string>>();

  function put(g: Galleries, r: repo.GalleryRow): void {
    const visibility = visibilityOf(r);
    if (r.modality === "face") {
      g.faces.put({
        templateId: r.id,
        recordId: r.record_id,
        format: r.format,
        vector: faceVector(r.template),
        visibility,
      });
    } else {
      // Stored templates were read whole at enrolment; one that no longer reads is left out.
      let views: ReturnType<typeof prepareTemplate>[];
      try {
        const t = readTemplate(r.template);
        views = t.views.map((_, i) => prepareTemplate(t, i)).filter((v) => v.count > 0);
      } catch {
        return;
      }
      g.fingerprints.put({ templateId: r.id, recordId: r.record_id, views, visibility });
    }
    const held = templatesOf.get(r.record_id) ?? new Set<string>();
    templatesOf.set(r.record_id, held.add(r.id));
    if (r.subject_of_notice) {
      const subjects = subjectsOf.get(r.subject_of_notice) ?? new Set<string>();
      subjectsOf.set(r.subject_of_notice, subjects.add(r.record_id));
    }
  }

  function dropRecord(g: Galleries, recordId: string): void {
    for (const id of templatesOf.get(recordId) ?? []) {
      g.fingerprints.remove(id);
      g.faces.remove(id);
    }
    templatesOf.delete(recordId);
  }

  async function build(): Promise<Galleries> {
    const g: Galleries = { fingerprints: new FingerprintGalleries(), faces: new FaceGalleries() };
    feedSeq = await feedHead(db);
    lastPoll = performance.now();
    let after = repo.FIRST_UUID;
    for (;;) {
      const page = await repo.templatesPage(db, after, PAGE);
      for (const r of page) put(g, r);
      const last = page.at(-1);
      if (!last || page.length < PAGE) return g;
      after = last.id;
    }
  }

  /** Applies what any node wrote since the last read; the position moves only past settled changes. */
  async function follow(g: Galleries): Promise<void> {
    lastPoll = performance.now();
    const changes = await repo.feedSince(db, feedSeq, 10_000);
    if (changes.length === 0) return;
    const of = (type: string) => [
      ...new Set(changes.filter((c) => c.entity_type === type).map((c) => c.entity_id)),
    ];
    const templateIds = of("biometric_template");
    const records = new Set(of("record"));
    for (const r of await repo.recordsOfTemplates(db, templateIds)) records.add(r.record_id);
    for (const [recordId, held] of templatesOf)
      if (templateIds.some((id) => held.has(id))) records.add(recordId);
    const noticeIds = of("notice");
    for (const id of noticeIds) for (const recordId of subjectsOf.get(id) ?? []) records.add(recordId);
    const rows = await repo.templatesOfRecords(db, [...records], noticeIds);
    for (const r of rows) records.add(r.record_id);
    for (const id of records) dropRecord(g, id);
    for (const r of rows) put(g, r);
    const now = Date.now();
    for (const c of changes) {
      if (now - new Date(c.at).getTime() < FEED_SETTLE_MS) break;
      feedSeq = Number(c.seq);
    }
  }

  /*
   * Shared work runs outside the caller's transaction, so that it does not die with it - except
   * when the caller already holds one (the screening check): the embedded database has a single
   * connection, which a read outside would wait for forever. These reads change nothing, so reading
   * through the caller's transaction is safe.
   */
  const shared = <T>(fn: () => Promise<T>): Promise<T> => (openTransaction() ? fn() : outsideTransaction(fn));

  function load(): Promise<Galleries> {
    if (galleries) return Promise.resolve(galleries);
    loading ??= shared(build).then(
      (g) => {
        galleries = g;
        return g;
      },
      (e) => {
        loading = null;
        throw e;
      },
    );
    return loading;
  }

  return {
    /** The galleries, built on first use and brought up to date when the last read is stale. */
    async current(): Promise<Galleries> {
      if (!galleries) return load();
      if (performance.now() - lastPoll >= pollMs) {
        const g = galleries;
        following ??= shared(() => follow(g)).finally(() => {
          following = null;
        });
        await following;
      }
      return galleries;
    },
  };
}

export type GalleryFeed = ReturnType<typeof createGalleries>;
