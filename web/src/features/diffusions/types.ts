import type { HandlingCode } from "../../lib/envelope.ts";

export const DIFFUSION_KINDS = ["arrest", "locate", "information", "warning"] as const;
export type DiffusionKind = (typeof DIFFUSION_KINDS)[number];

export const REVIEW_STATES = ["unreviewed", "confirmed", "cancelled"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** Mirrors src/features/diffusions/diffusions.schema.ts. */
export interface Diffusion {
  id: string;
  kind: DiffusionKind;
  sender: string;
  recipients: "all" | string[];
  title: string;
  body: string;
  subject: Record<string, unknown> | null;
  reference: string | null;
  handlingCode: HandlingCode;
  handlingNote: string | null;
  reviewed: boolean;
  reviewState: ReviewState;
  reviewReasons: string | null;
  reviewedAt: string | null;
  createdAt: string;
}
