import type { Kysely } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import type { Database } from "../../storage/schema.ts";
import * as repo from "./notices.repo.ts";
import type { NoticeView } from "./notices.schema.ts";
import { riskScore } from "./rules/compliance.ts";
import type { Finding } from "./rules/findings.ts";

/*
 * Look-alike findings name other countries' notices (number, owner, state). They are stored as the
 * Secretariat's reviewers see them, and each other reader is shown only those naming a notice it
 * may read itself: a country learns of another's notice only if it may see that notice. The risk
 * score shown is recomputed from what remains, so it gives no hint of what was left out.
 */

const LOOKALIKE = new Set(["possible_duplicate", "similar_record"]);

const isLookalike = (f: Finding) => LOOKALIKE.has(f.code);

export async function showReadableLookalikes<V extends Pick<NoticeView, "findings" | "riskScore">>(
  db: Kysely<Database>,
  viewer: Pick<Actor, "country" | "isSecretariat">,
  views: V[],
): Promise<V[]> {
  const related = views.flatMap((v) => v.findings.filter(isLookalike).map((f) => f.relatedNoticeId ?? ""));
  const ids = [...new Set(related.filter((id) => id !== ""))];
  const readable = await repo.readableIds(db, viewer, ids);
  return views.map((v) => {
    // Findings stored before look-alikes named their notice are the Secretariat's only.
    const keep = (f: Finding) =>
      !isLookalike(f) || (f.relatedNoticeId ? readable.has(f.relatedNoticeId) : viewer.isSecretariat);
    const findings = v.findings.filter(keep);
    if (findings.length === v.findings.length) return v;
    return { ...v, findings, riskScore: riskScore(findings) };
  });
}
