import type { Actor } from "../../shared/actor.ts";
import type { Role } from "../../shared/roles.ts";
import type { DashboardCardKey } from "./dashboard.schema.ts";

const bureau: DashboardCardKey[] = [
  "noticesReturned",
  "noticesRefused",
  "diffusionsUnread",
  "noticesRenewal",
  "tracesOpen",
  "hitsPending",
];
const referralUnit: DashboardCardKey[] = ["referralsOverdue", "referralsAwaiting"];

/** What needs each role now. Roles without a card (auditors, border posts) see their sections only. */
const cardsByRole: Partial<Record<Role, DashboardCardKey[]>> = {
  ncb_officer: bureau,
  ncb_admin: bureau,
  gs_reviewer: ["reviewQueue", "diffusionsUnreviewed"],
  gs_analyst: referralUnit,
  content_analyst: referralUnit,
};

export const dashboardPolicy = {
  /** A dashboard is a person's: API clients have none. */
  read: (actor: Actor) => actor.kind === "user",
  /** The Secretariat's cards need its oversight; a bureau's cards its own country's rows. */
  cards: (actor: Actor): DashboardCardKey[] => {
    const cards = cardsByRole[actor.role] ?? [];
    if (actor.role === "gs_reviewer" && !actor.isSecretariat) return [];
    return cards;
  },
};
