import type { Actor } from "../../shared/actor.ts";
import type { Role } from "../../shared/roles.ts";

const screenerRoles: readonly Role[] = [
  "border_officer",
  "ncb_officer",
  "ncb_admin",
  "gs_reviewer",
  "gs_analyst",
];
const hitReaderRoles: readonly Role[] = [
  "border_officer",
  "ncb_officer",
  "ncb_admin",
  "gs_reviewer",
  "gs_analyst",
  "auditor",
];
const hitJudgeRoles: readonly Role[] = ["ncb_officer", "ncb_admin"];

/** API clients act only within the scopes their bureau granted them. */
const hasScope = (actor: Actor, scope: string) => actor.kind !== "client" || actor.scopes.includes(scope);

export const screeningPolicy = {
  /** Screen travellers by name, documents and MRZ (border posts, bureaus, the Secretariat). */
  screen: (a: Actor) => screenerRoles.includes(a.role) && hasScope(a, "screening:check"),
  /** A carrier's board / do-not-board document check, and everyone who may screen. */
  carrierCheck: (a: Actor) =>
    (a.role === "carrier" && hasScope(a, "documents:check")) || screeningPolicy.screen(a),
  readHits: (a: Actor) => hitReaderRoles.includes(a.role) && a.kind !== "client",
  /** Only the owner of the record hit confirms or rejects the match. */
  judgeHit: (a: Actor, owner: string) =>
    hitJudgeRoles.includes(a.role) && a.kind === "user" && a.country === owner,
  /** A bureau's administrator points the hits on its records at its national system. */
  manageWebhook: (a: Actor) => a.role === "ncb_admin" && a.kind === "user",
};
