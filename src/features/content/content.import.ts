/**
 * The write half of a bulk import, run inside the caller's transaction after the whole file has
 * been validated. Entries already in the bank are left alone unless the file brings new labels (or a
 * quality where none was known): re-importing the same file changes nothing.
 */
import { type Kysely, sql } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import type { Database } from "../../storage/schema.ts";
import type { ParsedSignal } from "./content.exchange.ts";
import * as repo from "./content.repo.ts";
import { EMPTY_FILE_DIGESTS } from "./content.schema.ts";

const CHUNK = 1000;

export type ImportOutcome = {
  created: repo.EntryRow[];
  updated: repo.EntryRow[];
  unchanged: number;
  duplicatesInFile: number;
};

/** Merges duplicate lines of one file: the same signal counts once, with the union of its labels. */
export function dedupe(signals: ParsedSignal[]): { unique: ParsedSignal[]; duplicates: number } {
  const byKey = new Map<string, ParsedSignal>();
  for (const s of signals) {
    const key = `${s.signalType}:${s.value}`;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { ...s });
    else {
      seen.labels = [...new Set([...seen.labels, ...s.labels])].sort();
      seen.quality ??= s.quality;
    }
  }
  return { unique: [...byKey.values()], duplicates: signals.length - byKey.size };
}

export async function writeSignals(
  trx: Kysely<Database>,
  actor: Actor,
  bankId: string,
  signals: ParsedSignal[],
  unit: string | null,
  now: Date,
): Promise<Omit<ImportOutcome, "duplicatesInFile">> {
  const out = { created: [] as repo.EntryRow[], updated: [] as repo.EntryRow[], unchanged: 0 };
  const byType = new Map<string, ParsedSignal[]>();
  for (const s of signals) {
    // Every caller validates with entryValueProblem first; this is the last line for any new one.
    if (EMPTY_FILE_DIGESTS[s.signalType] === s.value)
      throw new AppError("validation_failed", `The ${s.signalType} of an empty file cannot be a bank entry.`);
    const list = byType.get(s.signalType);
    if (list) list.push(s);
    else byType.set(s.signalType, [s]);
  }
  for (const [type, list] of byType) {
    for (let i = 0; i < list.length; i += CHUNK) {
      const chunk = list.slice(i, i + CHUNK);
      const existing = new Map(
        (
          await repo.existingEntries(
            trx,
            actor,
            bankId,
            type,
            chunk.map((s) => s.value),
          )
        ).map((r) => [r.value, r]),
      );
      const fresh = chunk.filter((s) => !existing.has(s.value));
      if (fresh.length) out.created.push(...(await insertFresh(trx, actor, bankId, fresh, unit, now)));
      for (const s of chunk) {
        const row = existing.get(s.value);
        if (!row) continue;
        const labels = [...new Set([...row.labels, ...s.labels])].sort();
        const quality = row.quality ?? s.quality;
        if (labels.length === row.labels.length && quality === row.quality) {
          out.unchanged++;
          continue;
        }
        const updated = await trx
          .updateTable("hash_entries")
          .set({ labels, quality, updated_at: now })
          .where("id", "=", row.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        out.updated.push(updated);
      }
    }
  }
  await repo.feedEntries(
    trx,
    [...out.created, ...out.updated].map((r) => r.id),
    now,
  );
  return out;
}

/**
 * Inserts new entries with three array parameters (values, qualities, labels as JSON) instead of
 * thirteen parameters per row: binding and planning stay cheap, and only the ids come back; the rows
 * are rebuilt from what was sent.
 */
async function insertFresh(
  trx: Kysely<Database>,
  actor: Actor,
  bankId: string,
  fresh: ParsedSignal[],
  unit: string | null,
  now: Date,
): Promise<repo.EntryRow[]> {
  const type = fresh[0]?.signalType;
  if (!type || fresh.some((s) => s.signalType !== type)) throw new Error("insertFresh takes one signal type");
  const user = actor.kind === "user" ? actor.id : null;
  const client = actor.kind === "client" ? actor.id : null;
  const res = await sql<{ id: number; ord: number }>`
    WITH input AS (
      SELECT v, q, l, ord FROM unnest(${fresh.map((s) => s.value)}::text[], ${fresh.map((s) => s.quality)}::int[],
        ${fresh.map((s) => JSON.stringify(s.labels))}::jsonb[]) WITH ORDINALITY AS u(v, q, l, ord)
    ), inserted AS (
      INSERT INTO hash_entries (bank_id, signal_type, value, quality, labels, contributed_country, contributed_unit,
        contributed_by_user, contributed_by_client, first_seen, status, created_at, updated_at)
      SELECT ${bankId}, ${type}, v, q, ARRAY(SELECT jsonb_array_elements_text(l)), ${actor.country}, ${unit},
        ${user}::uuid, ${client}::uuid, ${now}, 'active', ${now}, ${now}
      FROM input ORDER BY ord
      RETURNING id, value
    )
    SELECT i.id, input.ord FROM inserted i JOIN input ON input.v = i.value`.execute(trx);
  return res.rows.map((r) => {
    const s = fresh[Number(r.ord) - 1] as ParsedSignal;
    return {
      id: Number(r.id),
      bank_id: bankId,
      signal_type: s.signalType,
      value: s.value,
      quality: s.quality,
      labels: s.labels,
      contributed_country: actor.country,
      contributed_unit: unit,
      contributed_by_user: user,
      contributed_by_client: client,
      first_seen: now,
      status: "active",
      created_at: now,
      updated_at: now,
    };
  });
}
