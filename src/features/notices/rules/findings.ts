import type { NoticeType } from "./notice-types.ts";

/** What compliance checks return; shared by the check modules. */

export type Severity = "block" | "risk" | "info";

export interface Finding {
  /** Stable machine code, e.g. "penalty_below_threshold", "article3_political". */
  code: string;
  severity: Severity;
  /** English, for the reviewer; quotes the matched term where a keyword triggered it. */
  message: string;
  /** Dotted path into the request, when the finding is about one field. */
  field?: string;
  /** A look-alike's other notice: readers who may not read that notice never see the finding. */
  relatedNoticeId?: string;
}

export interface ProtectionStatus {
  /** The country (alpha-2) that granted refugee status or protection. */
  grantedBy: string;
  kind: "refugee" | "asylum" | "subsidiary_protection";
}

export interface DuplicateCandidate {
  /** The other notice's id (its number, or the id while it has none, is in `noticeId`). */
  id: string;
  noticeId: string;
  type: NoticeType;
  owner: string;
  status: string;
  /** Similarity in [0, 1] as computed by the caller's matcher. */
  score: number;
}

/** What the caller knows that the request does not say; everything needing the database comes in here. */
export interface ComplianceContext {
  /** The requesting member country (alpha-2) or international entity code. */
  requester: string;
  /** Today, for date checks; omitted means no date checks. */
  now?: Date;
  /** Refugee status or protection the subject holds, as known to the caller. */
  protection?: readonly ProtectionStatus[];
  /** Possible duplicates found by the caller's matcher. */
  possibleDuplicates?: readonly DuplicateCandidate[];
}
