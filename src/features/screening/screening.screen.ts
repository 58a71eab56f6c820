import anyAscii from "any-ascii";
import type { Deps } from "../../deps.ts";
import { normaliseDocumentNumber, ocrFold } from "../../search/document-index/keys.ts";
import { MATCH_THRESHOLD, type TravellerQuery } from "../../search/screening/index.ts";
import type { Actor } from "../../shared/actor.ts";
import type { Traveller } from "./input/traveller.ts";
import { actionFor, contactFor, DISCREET_ACTION, severity } from "./screening.actions.ts";
import { type Candidate, type DocumentQuery, mergeCandidates } from "./screening.candidates.ts";
import * as shownRepo from "./screening.display.repo.ts";
import { documentsByFoldedNumber } from "./screening.documents.repo.ts";
import type { WatchlistFeed } from "./screening.feed.ts";
import * as hitsRepo from "./screening.hits.repo.ts";
import { firearmsShown, type ObjectQuery, objectCandidates, vehiclesShown } from "./screening.objects.ts";
import type { Watchlist } from "./watchlist.ts";

/*
 * One traveller against everything the asking country may see: names (with date of birth,
 * nationality, sex) in the in-memory engine, the documents listed persons hold, and the reported
 * travel documents (confirmed in the database only when the in-memory number table says one may
 * exist). Nothing here writes: the caller stores the hits and the audit rows.
 */

export type { Traveller };

/** Candidates scoring this far under the threshold are shown as possible matches, never stored. */
export const POSSIBLE_MARGIN = 0.1;
const MAX_POSSIBLE = 5;

export type ScreenedHit = {
  kind: Candidate["kind"];
  sourceId: string;
  owner: string;
  discreet: boolean;
  /** The notice type, the diffusion kind, "person", or the document's status. */
  category: string;
  score: number;
  match: boolean;
  reference: string;
  caption: string;
  action: string;
  contact: { country: string; name: string };
  explanation: Record<string, unknown>;
};

export type Screened = {
  /** Matches to store and tell their owners of (rejected ones for this traveller already dropped). */
  matches: ScreenedHit[];
  /** Near misses shown to the officer for judgement; not stored. */
  possible: ScreenedHit[];
  travellerKey: string;
};

/** The same traveller next time: Latin name tokens in order, date of birth, folded document number. */
export function travellerKey(t: Traveller): string {
  const tokens = anyAscii(t.name ?? "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .sort();
  const doc = t.documents[0] ? ocrFold(normaliseDocumentNumber(t.documents[0].number)) : "";
  return [tokens.join(" "), t.dateOfBirth ?? "", doc].join("|");
}

const queryOf = (t: Traveller): TravellerQuery | null =>
  t.name
    ? {
        name: t.name,
        // Parts told apart (an MRZ, a manifest's columns) let the engine know which is the family name.
        ...(t.surname ? { surname: t.surname } : {}),
        ...(t.givenNames ? { givenNames: t.givenNames } : {}),
        ...(t.dateOfBirth ? { birthDate: t.dateOfBirth } : {}),
        ...(t.nationality ? { nationality: t.nationality } : {}),
        ...(t.sex ? { sex: t.sex } : {}),
      }
    : null;

export function createScreener({ db }: Deps, feed: WatchlistFeed) {
  /** Reference and caption for each candidate, through the asker's SQL guard; unseen ones dropped. */
  async function shown(viewer: Actor, cs: Candidate[]) {
    const ids = (k: Candidate["kind"]) => cs.filter((c) => c.kind === k).map((c) => c.sourceId);
    const [notice, diffusion, person, document, firearm, vehicle] = await Promise.all([
      shownRepo.noticesShown(db, viewer, ids("notice")),
      shownRepo.diffusionsShown(db, viewer, ids("diffusion")),
      shownRepo.personsShown(db, viewer, ids("person")),
      shownRepo.documentsShown(db, viewer, ids("document")),
      firearmsShown(db, viewer, ids("firearm")),
      vehiclesShown(db, viewer, ids("vehicle")),
    ]);
    const maps = { notice, diffusion, person, document, firearm, vehicle };
    return cs.flatMap((c): ScreenedHit[] => {
      const s = maps[c.kind].get(c.sourceId);
      if (!s) return [];
      return [
        {
          kind: c.kind,
          sourceId: c.sourceId,
          owner: c.owner,
          discreet: c.discreet,
          category: c.category,
          score: Math.round(c.score * 1000) / 1000,
          match: c.match,
          reference: s.reference,
          caption: s.caption,
          action: actionFor(c.kind, c.category, c.discreet),
          contact: contactFor(c.owner),
          explanation: c.explanation,
        },
      ];
    });
  }

  return async function screen(
    t: Traveller,
    viewer: Actor,
    today: string,
    now: number,
    objects?: ObjectQuery,
    current?: Watchlist,
  ): Promise<Screened> {
    const watchlist = current ?? (await feed.current());
    const query = queryOf(t);
    const names = query
      ? watchlist.searchNames(query, viewer, today, now, MATCH_THRESHOLD - POSSIBLE_MARGIN)
      : [];
    const byDocument = await Promise.all(
      t.documents.map(async (d) => {
        const q: DocumentQuery = {
          number: d.number,
          ...(d.country ? { country: d.country } : {}),
          ...(d.type ? { type: d.type } : {}),
        };
        const folded = ocrFold(normaliseDocumentNumber(d.number));
        const rows =
          folded && watchlist.documents.mayHold(folded)
            ? await documentsByFoldedNumber(db, viewer, folded, today)
            : [];
        return mergeCandidates([], watchlist.holdersOf(d.number, viewer, today, now), rows, q);
      }),
    );
    const carried = objects ? await objectCandidates(db, viewer, objects, today) : [];
    const candidates = mergeCandidates(names, [], [], null, [...byDocument.flat(), ...carried]);
    const key = travellerKey(t);
    const rejected = candidates.some((c) => c.match)
      ? await hitsRepo.rejectedFor(db, key)
      : new Set<string>();
    const kept = candidates.filter((c) => !rejected.has(`${c.kind}:${c.sourceId}`));
    // A discreet record is never shown as a possible match: only its owner may judge it.
    const possible = kept.filter((c) => !c.match && !c.discreet).slice(0, MAX_POSSIBLE);
    const all = await shown(viewer, [...kept.filter((c) => c.match), ...possible]);
    return { matches: all.filter((h) => h.match), possible: all.filter((h) => !h.match), travellerKey: key };
  };
}

/** The officer's single instruction: the gravest non-discreet match's, the discreet one's, or none. */
export function overallAction(matches: readonly ScreenedHit[]): string | null {
  if (!matches.length) return null;
  const open = matches.filter((m) => !m.discreet);
  if (!open.length) return DISCREET_ACTION;
  const gravest = [...open].sort(
    (a, b) => severity(b.kind, b.category, false) - severity(a.kind, a.category, false) || b.score - a.score,
  )[0];
  return gravest?.action ?? null;
}
