import type { Actor } from "../../shared/actor.ts";
import { canSee } from "../../shared/envelope/visibility.ts";

/*
 * Who may see an enrolled template, held in memory beside it: its person's envelope and, for the
 * subject of a notice, the notice's (a subject is exactly as visible as its notice). The same rule
 * as recordVisibleTo in SQL (fusion_can_see, fusion_notice_readable); the candidates are checked
 * again there before they are stored, so this filter can only narrow, never widen, what is written.
 */

export type Viewer = Pick<Actor, "country" | "isSecretariat">;
type Envelope = { owner: string; distribution: "all" | "only" | "except"; distributionCountries: string[] };

export type TemplateVisibility = Envelope & {
  notice: (Envelope & { state: string; submitted: boolean }) | null;
};

function noticeReadable(n: NonNullable<TemplateVisibility["notice"]>, v: Viewer): boolean {
  if (!canSee(n, v)) return false;
  return (
    n.owner === v.country ||
    n.state === "published" ||
    (v.isSecretariat && n.state !== "draft" && n.submitted)
  );
}

export const visibleTo = (t: TemplateVisibility, v: Viewer): boolean =>
  canSee(t, v) && (t.notice === null || noticeReadable(t.notice, v));

/** Templates with the same visibility share a gallery: one key per distinct rule. */
export const visibilityKey = (t: TemplateVisibility): string =>
  JSON.stringify([
    t.owner,
    t.distribution,
    [...t.distributionCountries].sort(),
    t.notice && [
      t.notice.owner,
      t.notice.state,
      t.notice.submitted,
      t.notice.distribution,
      [...t.notice.distributionCountries].sort(),
    ],
  ]);
