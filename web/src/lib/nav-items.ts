import type { MessageKey } from "./i18n/index.tsx";
import { canAccess, type Role, type Section } from "./roles.ts";

export interface NavItem {
  section: Section;
  path: string;
  label: MessageKey;
  /**
   * The path the item's pages lie under, where it is not the item's own path: biometric searches
   * open on their list, but the search form (/biometrics) belongs to the same item.
   */
  under?: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { section: "home", path: "/", label: "nav.home" },
  { section: "screening", path: "/screening", label: "nav.screening" },
  { section: "screeningHits", path: "/hits", label: "nav.screeningHits" },
  { section: "biometrics", path: "/biometrics/searches", label: "nav.biometrics", under: "/biometrics" },
  { section: "overview", path: "/overview", label: "nav.overview" },
  { section: "records", path: "/records", label: "nav.records" },
  { section: "duplicates", path: "/duplicates", label: "nav.duplicates" },
  { section: "notices", path: "/notices", label: "nav.notices" },
  { section: "reviewQueue", path: "/review", label: "nav.reviewQueue" },
  { section: "diffusions", path: "/diffusions", label: "nav.diffusions" },
  { section: "databases", path: "/databases", label: "nav.databases" },
  { section: "imports", path: "/imports", label: "nav.imports" },
  { section: "retention", path: "/retention", label: "nav.retention" },
  { section: "audit", path: "/audit", label: "nav.audit" },
  { section: "users", path: "/users", label: "nav.users" },
  { section: "clients", path: "/clients", label: "nav.clients" },
  { section: "contentBanks", path: "/content/banks", label: "nav.contentBanks" },
  { section: "contentCheck", path: "/content/check", label: "nav.contentCheck" },
  { section: "referrals", path: "/referrals", label: "nav.referrals" },
  { section: "partners", path: "/partners", label: "nav.partners" },
  { section: "account", path: "/account", label: "nav.account" },
];

export const navItemsFor = (role: Role): NavItem[] => NAV_ITEMS.filter((i) => canAccess(role, i.section));

/**
 * The nav item a path belongs to ("/records/abc" belongs to "/records", "/biometrics" to the
 * biometric searches).
 */
export function activeItem(path: string): NavItem | undefined {
  if (path === "/") return NAV_ITEMS[0];
  return NAV_ITEMS.find((i) => {
    const base = i.under ?? i.path;
    return base !== "/" && (path === base || path.startsWith(`${base}/`));
  });
}
