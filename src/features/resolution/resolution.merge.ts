import type { Actor } from "../../shared/actor.ts";
import type { RecordsService } from "../records/records.service.ts";
import { judgementView } from "./resolution.format.ts";
import type { JudgementRow } from "./resolution.repo.ts";
import type { MergedEntity, RecordRef } from "./resolution.schema.ts";

type Provenance = MergedEntity["properties"][string][number]["provenance"][number];

/**
 * The merged view of a cluster as one reader sees it: the union of the visible members' current
 * values, each value with every statement behind it and the member record it comes from. Nothing is
 * copied or rewritten: the members stay as their owners entered them, so undoing a merge is only
 * undoing the judgement. The statements are read through the records service (each member's read
 * is audited there, and checked against the reader's view once more).
 */
export async function mergedView(
  actor: Actor,
  records: RecordsService,
  members: readonly RecordRef[],
  judged: readonly JudgementRow[],
  canonical: string | null,
): Promise<MergedEntity> {
  const properties = new Map<string, Map<string, Provenance[]>>();
  for (const m of members) {
    for (const s of await records.history(actor, m.id)) {
      if (s.retractedAt !== null) continue;
      const values = properties.get(s.prop) ?? new Map<string, Provenance[]>();
      properties.set(s.prop, values);
      const list = values.get(s.value) ?? [];
      values.set(s.value, list);
      list.push({
        recordId: m.id,
        source: s.source,
        statedBy: s.statedBy,
        sourceType: s.sourceType,
        statedAt: s.statedAt,
        capture: s.capture,
        recordedAt: s.recordedAt,
      });
    }
  }
  const first = members[0] as RecordRef;
  // A merged cluster is named by its canonical id only when the reader sees two members or more:
  // with one, the id would say there is another.
  const merged = canonical !== null && members.length > 1;
  return {
    id: merged ? canonical : first.id,
    schema: first.schema,
    members: [...members],
    properties: Object.fromEntries(
      [...properties]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([prop, values]) => [prop, [...values].map(([value, provenance]) => ({ value, provenance }))]),
    ),
    judgements: judged.map(judgementView),
  };
}
