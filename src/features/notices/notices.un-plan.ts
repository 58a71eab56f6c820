import type { Actor } from "../../shared/actor.ts";
import { defaultReviewAt, envelopeColumns } from "../../shared/envelope/envelope.sql.ts";
import { subjectColumns, translationsOf } from "./notices.subject.ts";
import { type NoticeAction, type NoticeState, nextState } from "./rules/lifecycle.ts";
import { type NoticeRequest, noticeRequest } from "./rules/notice-request.ts";
import { parseUnConsolidatedList, UnListParseError } from "./un-list/parse.ts";
import { contentHash, toRequest } from "./un-list/to-notice.ts";
import type { UnListed } from "./un-list/types.ts";

/*
 * What a UN list import plans before it writes: the checked entries, and the rows each one becomes
 * (its notice, its published history, its listing). Pure; notices.un-import.ts writes them.
 */

/** The UN, as the owner of the Special Notices it asks for and of their subjects' records. */
export const unActor: Actor = {
  kind: "system",
  id: "00000000-0000-0000-0000-000000000000",
  username: "un-list-import",
  // A records-writing role, so the subjects go through the records service like any other.
  role: "gs_analyst",
  country: "XU",
  isSecretariat: true,
  scopes: [],
};
const UN = "XU";
export const unEnvelope = {
  distribution: "all" as const,
  distributionCountries: [],
  handlingCode: "H0" as const,
  sourceReliability: "A" as const,
  informationAccuracy: 1,
  sourceType: "un" as const,
};
// A published notice is reached through the state machine, one step at a time.
const publishPath: Array<[NoticeAction, "owner" | "gs_reviewer"]> = [
  ["submit", "owner"],
  ["start_review", "gs_reviewer"],
  ["publish", "gs_reviewer"],
];

export type Planned = { entry: UnListed; hash: string; request: NoticeRequest; ref: string };

/** Parses and checks the whole file before anything is written: a bad file changes nothing. */
export function plan(xml: string | Uint8Array): { generatedAt: string; inFile: number; items: Planned[] } {
  const list = parseUnConsolidatedList(xml);
  const entries = [...list.individuals, ...list.entities].filter((e) => e.counterTerrorism);
  const items = entries.map((entry) => {
    const parsed = noticeRequest.safeParse(toRequest(entry));
    if (!parsed.success)
      throw new UnListParseError(
        "invalid_record",
        `Entry ${entry.referenceNumber} does not make a valid notice`,
        {
          errors: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
        },
      );
    return { entry, hash: contentHash(entry), request: parsed.data, ref: entry.referenceNumber };
  });
  if (new Set(items.map((i) => i.ref)).size !== items.length)
    throw new UnListParseError("invalid_record", "The file lists a reference number twice");
  return { generatedAt: list.generatedAt, inFile: list.individuals.length + list.entities.length, items };
}

/** draft -> submitted -> under_review -> published, each step checked by the state machine. */
export function publishedHistory(now: Date): Array<[string, NoticeState | null, NoticeState]> {
  const out: Array<[string, NoticeState | null, NoticeState]> = [["create", null, "draft"]];
  let state: NoticeState = "draft";
  for (const [action, role] of publishPath) {
    const to = nextState(state, action, role, { now });
    out.push([action, state, to]);
    state = to;
  }
  return out;
}

/** The columns of a new UN Special Notice, except its number and state. */
export const noticeValues = (p: Planned, subjectId: string, now: Date) => ({
  type: "un_special",
  request: JSON.stringify(p.request),
  language: "en",
  translations: JSON.stringify(translationsOf(p.request)),
  subject_record_id: subjectId,
  ...subjectColumns(p.request),
  findings: "[]",
  risk_score: 0,
  public_extract: true,
  addenda: "[]",
  submitted_at: now,
  published_at: now,
  valid_until: null,
  ...envelopeColumns(UN, { ...unEnvelope, handlingNote: null }, defaultReviewAt(now, 5)),
  created_at: now,
  updated_at: now,
});

/** The row of the UN listing behind a notice, as the list of `generatedAt` gives it. */
export const listingValues = (p: Planned, generatedAt: string) => ({
  reference_number: p.ref,
  data_id: p.entry.dataId,
  version_num: p.entry.versionNum,
  content_hash: p.hash,
  regime: p.entry.regimeCode,
  kind: p.entry.kind,
  listed_on: p.entry.listedOn ?? null,
  entry: JSON.stringify(p.entry),
  last_generated_at: generatedAt,
});
