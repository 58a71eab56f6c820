import type { NotificationDetail, NotificationKind, NotificationRecordType } from "./notifications.schema.ts";

/*
 * The acts other services report, and whom each concerns. A service passes the row it has just
 * written (it holds it already, read through its own guard): nothing here reads a record again.
 */

/** Whose users receive a notification. */
export type Audience =
  /** A bureau: the officers and administrators of one country. */
  | { kind: "bureau"; country: string }
  /** The General Secretariat's compliance reviewers. */
  | { kind: "reviewers" }
  /** The bureaus of every country that may see a record by its distribution, its owner left out. */
  | {
      kind: "distribution";
      owner: string;
      distribution: "all" | "only" | "except";
      countries: readonly string[];
    }
  /** The referral unit of one country: its content analysts (and the Secretariat's analysts). */
  | { kind: "analysts"; country: string };

export type Planned = {
  kind: NotificationKind;
  recordType: NotificationRecordType;
  recordId: string;
  detail: NotificationDetail;
  audience: Audience;
};

type NoticeFacts = {
  id: string;
  owner: string;
  notice_number: string | null;
  type?: string;
  subject_name?: string | null;
  subject_forename?: string | null;
};
type DiffusionFacts = {
  id: string;
  owner: string;
  kind: string;
  distribution: "all" | "only" | "except";
  distribution_countries: string[];
  title: string;
};

export type NotificationEvent =
  | {
      on: "notice";
      /** The state-machine action, or the daily job's reminder. */
      action: string;
      /** Who acted on the notice: its owner, the Secretariat or the scheduler. */
      by: "owner" | "gs_reviewer" | "system";
      notice: NoticeFacts;
      reasons?: string | null | undefined;
      validUntil?: string | null | undefined;
    }
  | {
      on: "diffusion";
      action: "sent" | "confirm" | "cancel";
      diffusion: DiffusionFacts;
      reasons?: string | null | undefined;
    }
  | {
      on: "referral";
      referral: { id: string; referringCountry: string; outcome: string; platformName: string };
    }
  | {
      on: "trace";
      action: "requested" | "answered" | "declined";
      trace: { id: string; requestingCountry: string; addressedCountry: string; deadline: string };
    }
  | {
      on: "hits";
      hits: readonly {
        id: string;
        owner: string;
        category: string;
        reference: string | null;
        checked_by_country: string;
        location: string | null;
        subject_kind: string;
      }[];
    };

const subjectOf = (n: NoticeFacts): string | null =>
  [n.subject_name, n.subject_forename].filter(Boolean).join(", ") || null;

/** What the Secretariat's actions on a notice tell its owner; other actions tell nobody. */
const toOwner: Record<string, NotificationKind> = {
  publish: "notice.published",
  refuse: "notice.refused",
  return_to_owner: "notice.returned",
  cancel: "notice.cancelled",
  suspend: "notice.suspended",
  expire: "notice.expired",
  renewal_reminder: "notice.renewal_due",
};

function noticePlan(e: Extract<NotificationEvent, { on: "notice" }>): Planned[] {
  const n = e.notice;
  const detail: NotificationDetail = {
    noticeNumber: n.notice_number,
    noticeType: n.type ?? null,
    owner: n.owner,
    subject: subjectOf(n),
    ...(e.reasons ? { reasons: e.reasons } : {}),
    ...(e.validUntil ? { validUntil: e.validUntil } : {}),
  };
  const base = { recordType: "notice" as const, recordId: n.id, detail };
  if (e.action === "submit") return [{ ...base, kind: "notice.submitted", audience: { kind: "reviewers" } }];
  const kind = toOwner[e.action];
  // The owner's own suspension is its own act: nobody is told of it.
  if (!kind || (e.action === "suspend" && e.by === "owner")) return [];
  return [{ ...base, kind, audience: { kind: "bureau", country: n.owner } }];
}

function diffusionPlan(e: Extract<NotificationEvent, { on: "diffusion" }>): Planned[] {
  const d = e.diffusion;
  const detail: NotificationDetail = {
    title: d.title,
    diffusionKind: d.kind,
    sender: d.owner,
    ...(e.reasons ? { reasons: e.reasons } : {}),
  };
  const base = { recordType: "diffusion" as const, recordId: d.id, detail };
  const recipients: Audience = {
    kind: "distribution",
    owner: d.owner,
    distribution: d.distribution,
    countries: d.distribution_countries,
  };
  if (e.action === "sent")
    return [
      { ...base, kind: "diffusion.received", audience: recipients },
      { ...base, kind: "diffusion.awaiting_review", audience: { kind: "reviewers" } },
    ];
  const kind = e.action === "confirm" ? "diffusion.confirmed" : "diffusion.cancelled";
  return [
    { ...base, kind, audience: { kind: "bureau", country: d.owner } },
    { ...base, kind, audience: recipients },
  ];
}

/** Every notification an event causes, with its addressees. */
export function plan(e: NotificationEvent): Planned[] {
  switch (e.on) {
    case "notice":
      return noticePlan(e);
    case "diffusion":
      return diffusionPlan(e);
    case "referral":
      return [
        {
          kind: "referral.answered",
          recordType: "referral",
          recordId: e.referral.id,
          detail: { outcome: e.referral.outcome, platform: e.referral.platformName },
          audience: { kind: "analysts", country: e.referral.referringCountry },
        },
      ];
    case "trace": {
      const t = e.trace;
      const detail = { requester: t.requestingCountry, addressed: t.addressedCountry, deadline: t.deadline };
      const base = { recordType: "trace_request" as const, recordId: t.id, detail };
      if (e.action === "requested")
        return [
          { ...base, kind: "trace.received", audience: { kind: "bureau", country: t.addressedCountry } },
        ];
      const kind = e.action === "answered" ? "trace.answered" : "trace.declined";
      return [{ ...base, kind, audience: { kind: "bureau", country: t.requestingCountry } }];
    }
    case "hits":
      return e.hits.map((h) => ({
        kind: "hit.received",
        recordType: "screening_hit",
        recordId: h.id,
        detail: {
          category: h.category,
          reference: h.reference,
          checkedBy: h.checked_by_country,
          location: h.location,
          subjectKind: h.subject_kind,
        },
        audience: { kind: "bureau", country: h.owner },
      }));
  }
}
