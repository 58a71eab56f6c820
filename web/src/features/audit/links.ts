import { canAccess, type Role, type Section } from "../../lib/roles.ts";
import type { QueryInput } from "../../lib/router.tsx";
import type { AuditEntry } from "./types.ts";

/*
 * Where an audit entry's actor and record can be opened. A link is offered only where the viewer's
 * role may open that page at all; the page itself still asks the server, which decides per record.
 */

export type Target = { to: string; query?: QueryInput };

type Rule = { prefix: string; section: Section; target: (id: string, e: AuditEntry) => Target | null };

const page = (base: string) => (id: string) => ({ to: `${base}/${encodeURIComponent(id)}` });

// By the action's first word: the record id of these actions is the record of that page.
const RULES: readonly Rule[] = [
  { prefix: "notice.", section: "notices", target: page("/notices") },
  { prefix: "diffusion.", section: "diffusions", target: page("/diffusions") },
  { prefix: "record.", section: "records", target: page("/records") },
  { prefix: "document.", section: "databases", target: page("/databases/documents") },
  { prefix: "firearm.", section: "databases", target: page("/databases/firearms") },
  { prefix: "vehicle.", section: "databases", target: page("/databases/vehicles") },
  { prefix: "material.", section: "databases", target: page("/databases/materials") },
  {
    prefix: "hashbank.",
    section: "contentBanks",
    target: (id, e) => {
      if (e.recordType === "hash_bank") return page("/content/banks")(id);
      const bank = (e.detail as { bankId?: unknown }).bankId;
      return typeof bank === "string" ? page("/content/banks")(bank) : null;
    },
  },
  { prefix: "partner.", section: "partners", target: () => ({ to: "/partners" }) },
  { prefix: "user.", section: "users", target: (id) => ({ to: "/users", query: { q: id } }) },
  { prefix: "client.", section: "clients", target: () => ({ to: "/clients" }) },
];

/** The page of the entry's record, if the viewer's role may open it. */
export function recordTarget(e: AuditEntry, role: Role): Target | null {
  if (!e.recordId) return null;
  const rule = RULES.find((r) => e.action.startsWith(r.prefix));
  if (!rule || !canAccess(role, rule.section)) return null;
  return rule.target(e.recordId, e);
}

/**
 * Where the actor's name leads: the account in the users list for those who manage accounts, else
 * the trail filtered to that actor (which an auditor may always open).
 */
export function actorTarget(e: AuditEntry, role: Role): Target | null {
  if (!e.actorUsername) return null;
  if (e.actorKind === "user" && canAccess(role, "users"))
    return { to: "/users", query: { q: e.actorUsername } };
  if (e.actorKind === "client" && canAccess(role, "clients")) return { to: "/clients" };
  return { to: "/audit", query: { username: e.actorUsername } };
}
