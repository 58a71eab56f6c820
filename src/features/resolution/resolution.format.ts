import type { JudgementRow } from "./resolution.repo.ts";
import type { JudgementView } from "./resolution.schema.ts";

/*
 * The export format of nomenklatura's resolver (nomenklatura/resolver/edge.py, `Edge.to_line`), so
 * judgements can be loaded there (`Resolver.load`) and shared with tools that use it: one JSON
 * array per line, `[target, source, judgement, score, user, created_at]`.
 *  - target/source: the pair ordered as nomenklatura's `Identifier.pair` orders it - the "larger"
 *    id is the target, ids compared by weight first (a canonical `NK-` id outweighs an entity id),
 *    then as strings;
 *  - judgement: "positive", "negative", "unsure";
 *  - score: null for a judged edge (the resolver drops the score once a pair is decided);
 *  - created_at: an ISO timestamp cut to 28 characters, as its `timestamp()` writes them.
 * A positive judgement is written the way the resolver stores one: each record linked to the
 * cluster's canonical id (`NK-...`), not to each other.
 */
export type ResolverLine = [string, string, string, number | null, string, string];

const weight = (id: string) => (id.startsWith("NK-") ? 2 : 1);
const larger = (a: string, b: string) =>
  weight(a) !== weight(b) ? (weight(a) > weight(b) ? a : b) : a > b ? a : b;

/** `2026-11-03T09:15:00.123000+0`: Python's isoformat of a UTC time (microseconds), first 28 characters. */
export function resolverTimestamp(d: Date): string {
  return `${d.toISOString().slice(0, 23)}000+00:00`.slice(0, 28);
}

export function edgeLine(a: string, b: string, judgement: string, user: string, at: Date): ResolverLine {
  const target = larger(a, b);
  const source = target === a ? b : a;
  return [target, source, judgement, null, user, resolverTimestamp(at)];
}

/** The lines of one judgement; `seen` drops a member's link to its canonical id written before. */
export function linesOf(j: JudgementRow, seen: Set<string>): ResolverLine[] {
  const at = new Date(j.created_at);
  if (j.judgement !== "positive" || !j.canonical_id)
    return [edgeLine(j.left_id, j.right_id, j.judgement, j.user_name, at)];
  const out: ResolverLine[] = [];
  for (const member of [j.left_id, j.right_id]) {
    const key = `${j.canonical_id}|${member}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(edgeLine(j.canonical_id, member, "positive", j.user_name, at));
  }
  return out;
}

export function judgementView(j: JudgementRow): JudgementView {
  return {
    id: Number(j.id),
    left: j.left_id,
    right: j.right_id,
    judgement: j.judgement,
    canonicalId: j.canonical_id,
    user: j.user_name,
    userCountry: j.user_country,
    createdAt: new Date(j.created_at).toISOString(),
    deletedAt: j.deleted_at ? new Date(j.deleted_at).toISOString() : null,
  };
}
