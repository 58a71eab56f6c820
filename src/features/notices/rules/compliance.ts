import {
  GENERAL_SECRETARIAT,
  isInternationalEntity,
  isMemberCountry,
} from "../../../storage/seed/countries.ts";
import type { ComplianceContext, Finding, Severity } from "./findings.ts";
import type { NoticeRequest } from "./notice-request.ts";
import { noticeCatalogue } from "./notice-types.ts";
import { redCriteria } from "./red-criteria.ts";
import { neutrality, ordinaryLaw } from "./wording.ts";

export type {
  ComplianceContext,
  DuplicateCandidate,
  Finding,
  ProtectionStatus,
  Severity,
} from "./findings.ts";
export { PROSECUTION_MIN_MONTHS, SENTENCE_MIN_MONTHS } from "./red-criteria.ts";

/**
 * The checks a General Secretariat reviewer sees before a notice is published: required fields,
 * the Red Notice minimum criteria, ordinary-law crime only, neutrality (Article 3), refugee
 * protection and possible duplicates. Pure: whatever needs the database comes in the context.
 */

/** Candidates at or above this score are presented as probable duplicates rather than look-alikes. */
export const DUPLICATE_SCORE = 0.9;
/** The United Nations' code among the international entities (see storage/seed/countries.ts). */
const UNITED_NATIONS = "XU";

const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

const at = (o: unknown, path: string): unknown =>
  path
    .split(".")
    .reduce<unknown>(
      (v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined),
      o,
    );

const requiredFields = (r: NoticeRequest): Finding[] => {
  const spec = noticeCatalogue[r.type];
  return spec.requiredFields
    .filter((path) => isEmpty(at(r, path)))
    .map((path) => ({
      code: "missing_field",
      severity: "block",
      field: path,
      message: `${path} is required for a ${spec.colour} notice request`,
    }));
};

const requester = (r: NoticeRequest, ctx: ComplianceContext): Finding[] => {
  const out: Finding[] = [];
  if (!isMemberCountry(ctx.requester) && !isInternationalEntity(ctx.requester)) {
    out.push({
      code: "requester_not_member",
      severity: "block",
      message: `${ctx.requester} is neither a member country nor an international entity that may request notices`,
    });
  }
  // Special Notices follow a Security Council listing: the UN asks (or the GS acting on its behalf).
  if (r.type === "un_special" && ctx.requester !== UNITED_NATIONS && ctx.requester !== GENERAL_SECRETARIAT) {
    out.push({
      code: "un_special_requester",
      severity: "block",
      message: "INTERPOL-UN Security Council Special Notices are requested by the United Nations only",
    });
  }
  return out;
};

/**
 * Refugee status or protection granted by another country means that country found a well-founded
 * fear of persecution. A request from the country of nationality the person fled is in principle
 * not processed; other cases go to the reviewer.
 */
const protection = (r: NoticeRequest, ctx: ComplianceContext): Finding[] => {
  if (r.subject.kind !== "person" || !ctx.protection?.length) return [];
  // Yellow and Black notices protect or identify the subject: protection status is context only.
  const protective = r.type === "yellow" || r.type === "black";
  const nationalities = r.subject.nationalities;
  return ctx.protection.map((p): Finding => {
    const what = `${p.kind.replace("_", " ")} granted by ${p.grantedBy}`;
    if (p.grantedBy === ctx.requester || protective) {
      return {
        code: "protection_status",
        severity: "info",
        field: "subject",
        message: `The subject holds ${what}`,
      };
    }
    if (nationalities.includes(ctx.requester)) {
      return {
        code: "refugee_protection_against_requester",
        severity: "block",
        field: "subject.nationalities",
        message: `The subject holds ${what} and is a national of the requesting country ${ctx.requester}`,
      };
    }
    const known =
      nationalities.length > 0 ? `nationalities ${nationalities.join(", ")}` : "no nationality recorded";
    return {
      code: "refugee_protection",
      severity: "risk",
      field: "subject",
      message: `The subject holds ${what} (${known}); check whether the protection concerns ${ctx.requester}`,
    };
  });
};

const duplicates = (ctx: ComplianceContext): Finding[] =>
  (ctx.possibleDuplicates ?? []).map((d) => ({
    code: d.score >= DUPLICATE_SCORE ? "possible_duplicate" : "similar_record",
    severity: d.score >= DUPLICATE_SCORE ? "risk" : "info",
    field: "subject",
    message: `${d.score >= DUPLICATE_SCORE ? "Probable duplicate" : "Similar record"}: ${d.type} notice ${d.noticeId} of ${d.owner} (${d.status}), score ${d.score.toFixed(2)}`,
    relatedNoticeId: d.id,
  }));

const severityRank: Record<Severity, number> = { block: 0, risk: 1, info: 2 };

const bySeverity = (a: Finding, b: Finding): number =>
  severityRank[a.severity] - severityRank[b.severity] ||
  a.code.localeCompare(b.code) ||
  (a.field ?? "").localeCompare(b.field ?? "");

/** All findings for a request, blocking ones first. An empty list means nothing for the reviewer to weigh. */
export function checkCompliance(request: NoticeRequest, context: ComplianceContext): Finding[] {
  // A Special Notice mirrors a Security Council decision: its wording is the UN's, not a member's.
  const wording = request.type === "un_special" ? [] : [...ordinaryLaw(request), ...neutrality(request)];
  return [
    ...requester(request, context),
    ...requiredFields(request),
    ...redCriteria(request, context),
    ...wording,
    ...protection(request, context),
    ...duplicates(context),
  ].sort(bySeverity);
}

// Risks are not equal: protection and neutrality concerns are the ones most often fatal on review.
const riskWeights: Array<[RegExp, number]> = [
  [/^refugee_protection/, 40],
  [/^article3_/, 30],
  [/^excluded_/, 25],
  [/^possible_duplicate$/, 15],
];

/** A number to order the review queue: higher means review sooner. Blocks dominate risks, risks dominate infos. */
export function riskScore(findings: readonly Finding[]): number {
  return findings.reduce((sum, f) => {
    if (f.severity === "block") return sum + 100;
    if (f.severity === "info") return sum + 1;
    return sum + (riskWeights.find(([re]) => re.test(f.code))?.[1] ?? 10);
  }, 0);
}
