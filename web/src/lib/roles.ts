import type { Body } from "./api/schema.ts";

export const ROLES = [
  "ncb_officer",
  "ncb_admin",
  "gs_reviewer",
  "gs_analyst",
  "content_analyst",
  "auditor",
  "admin",
  "border_officer",
  "platform_partner",
  "carrier",
] as const;

export type Role = (typeof ROLES)[number];

/** Roles a person logs in with (the others are mostly API clients). */
export const HUMAN_ROLES: readonly Role[] = [
  "ncb_officer",
  "ncb_admin",
  "gs_reviewer",
  "gs_analyst",
  "content_analyst",
  "auditor",
  "admin",
  "border_officer",
];

/** Roles an API client may be given. */
/** The roles an API client can be created with from the web app (the contract's, less bureau systems). */
export const CLIENT_ROLES: readonly Body<"createClient">["role"][] = [
  "border_officer",
  "carrier",
  "platform_partner",
];

export type Section =
  | "home"
  | "overview"
  | "records"
  | "audit"
  | "users"
  | "clients"
  | "account"
  // Hash banks, image checks and platform referrals (terrorist content).
  | "contentBanks"
  | "contentCheck"
  | "referrals"
  // The directory of platform partners: analysts look platforms up, the operator keeps it.
  | "partners"
  // Notices and diffusions (src/features/notices, src/features/diffusions).
  | "notices"
  | "reviewQueue"
  | "diffusions"
  // The object databases and their trace requests, bulk import, the retention review-due list.
  | "databases"
  | "imports"
  | "retention"
  // Entity resolution: suggested duplicates, the pair review and merged entities.
  | "duplicates"
  // Border screening: the console (with manifests) and the hits inbox with each hit's page.
  | "screening"
  | "screeningHits"
  // Biometric search: 1:N searches by fingerprint or face, their review and the bureau's decision.
  | "biometrics"
  // The notification centre: everyone who signs in.
  | "notifications";

// The server enforces access on every route; this only decides what the navigation offers.
const ACCESS: Record<Section, readonly Role[] | "all"> = {
  home: "all",
  overview: ["gs_reviewer", "gs_analyst", "admin"],
  records: ["ncb_officer", "ncb_admin", "gs_reviewer", "gs_analyst"],
  audit: ["auditor", "admin"],
  users: ["admin", "ncb_admin"],
  clients: ["admin", "ncb_admin"],
  account: "all",
  // The API lets content analysts and GS analysts curate banks and refer content; NCB officers may
  // check an image or hash. The platform admin has no content role (content.policy.ts).
  contentBanks: ["content_analyst", "gs_analyst"],
  contentCheck: ["content_analyst", "gs_analyst", "ncb_officer"],
  referrals: ["content_analyst", "gs_analyst"],
  partners: ["content_analyst", "gs_analyst", "admin"],
  notices: ["ncb_officer", "ncb_admin", "gs_reviewer", "gs_analyst"],
  reviewQueue: ["gs_reviewer"],
  diffusions: ["ncb_officer", "ncb_admin", "gs_reviewer"],
  // File readers search the databases; writers import (documents: bureaus only, checked per database);
  // a bureau reviews its own records, the Secretariat's reviewers and analysts any country's.
  databases: ["ncb_officer", "ncb_admin", "gs_reviewer", "gs_analyst"],
  imports: ["ncb_officer", "ncb_admin", "gs_analyst"],
  retention: ["ncb_officer", "ncb_admin", "gs_reviewer", "gs_analyst"],
  // File readers read suggestions and merged entities; the pair page offers judging to those who may.
  duplicates: ["ncb_officer", "ncb_admin", "gs_reviewer", "gs_analyst"],
  // Border posts screen; bureaus also receive the hits on their records; the Secretariat has both.
  screening: ["border_officer", "ncb_officer", "ncb_admin", "gs_reviewer", "gs_analyst"],
  screeningHits: ["ncb_officer", "ncb_admin", "gs_reviewer", "gs_analyst"],
  biometrics: ["ncb_officer", "ncb_admin", "gs_reviewer", "gs_analyst"],
  notifications: "all",
};

export function canAccess(role: Role, section: Section): boolean {
  const allowed = ACCESS[section];
  return allowed === "all" || allowed.includes(role);
}

/** Roles a user manager may create: a bureau admin manages only its own bureau's staff. */
export function creatableRoles(managerRole: Role): readonly Role[] {
  if (managerRole === "admin") return HUMAN_ROLES;
  return ["ncb_officer", "ncb_admin", "border_officer"];
}
