/** Every role of DESIGN.md §1. Human roles log in; machine roles act through API clients. */
export const roles = [
  "ncb_officer",
  "ncb_admin",
  "gs_reviewer",
  "gs_analyst",
  "border_officer",
  "content_analyst",
  "platform_partner",
  "carrier",
  "auditor",
  "admin",
] as const;
export type Role = (typeof roles)[number];

/** Roles an API client may hold: border systems, airlines, online platforms, and bureau systems. */
export const clientRoles = ["border_officer", "carrier", "platform_partner", "ncb_officer"] as const;
export type ClientRole = (typeof clientRoles)[number];

/** General Secretariat roles act for the whole organisation (oversight) and need a second factor. */
export const gsRoles: readonly Role[] = ["gs_reviewer", "gs_analyst", "auditor", "admin"];

/** Roles that must use TOTP outside demo mode. */
export const totpRequiredRoles: readonly Role[] = [
  "gs_reviewer",
  "gs_analyst",
  "auditor",
  "admin",
  "ncb_admin",
];

/** Roles that may open intelligence files (others get hit / no hit, or nothing). */
export const fileReaderRoles: readonly Role[] = ["ncb_officer", "ncb_admin", "gs_reviewer", "gs_analyst"];

export const isRole = (v: string): v is Role => (roles as readonly string[]).includes(v);
