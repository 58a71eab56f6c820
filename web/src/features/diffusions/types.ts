import { allOf, type Schema } from "../../lib/api/schema.ts";

/** Diffusions as the contract names them (Diffusion); menus list its enums. */
export type Diffusion = Schema<"Diffusion">;
export type DiffusionKind = Diffusion["kind"];
export type ReviewState = Diffusion["reviewState"];

export const DIFFUSION_KINDS = allOf<DiffusionKind>()(["arrest", "locate", "information", "warning"]);

export const REVIEW_STATES = allOf<ReviewState>()(["unreviewed", "confirmed", "cancelled"]);
