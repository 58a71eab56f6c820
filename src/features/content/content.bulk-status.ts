import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { parseOrThrow } from "../../shared/validate.ts";
import { appendAudit } from "../audit/audit.append.ts";
import type { createMatching } from "./content.match.ts";
import { contentPolicy } from "./content.policy.ts";
import * as repo from "./content.repo.ts";
import { type BulkEntryStatusInput, bulkEntryStatusSchema, type EntryView } from "./content.schema.ts";
import { entryView } from "./content.views.ts";

/**
 * Bulk status changes on a bank's entries (dispute or retire a batch, with the reason). All or
 * nothing: an entry that is not in the bank as the caller sees it, or that the caller may not change,
 * refuses the whole request and nothing is written. A bank the caller may not see answers exactly as a
 * bank that does not exist.
 */
export function createBulkStatus({ db, clock }: Deps, matching: ReturnType<typeof createMatching>) {
  async function setEntriesStatus(actor: Actor, bankId: string, input: BulkEntryStatusInput) {
    if (!contentPolicy.manage(actor))
      throw new AppError("forbidden", "Your role may not change hash entries.");
    const v = parseOrThrow(bulkEntryStatusSchema, input, "status change");
    const ids = [...new Set(v.entryIds)].sort((a, b) => a - b);
    const now = clock.now();
    const result = await db.transaction().execute(async (trx) => {
      const bank = isUuid(bankId) ? await repo.findVisibleBank(trx, actor, bankId) : undefined;
      if (!bank) throw new AppError("not_found", "No such hash bank.");
      const found = await repo.entriesOfBankForUpdate(trx, actor, bankId, ids);
      const present = new Set(found.map((e) => Number(e.id)));
      const missing = ids.filter((id) => !present.has(id));
      if (missing.length)
        throw new AppError("validation_failed", "The status change is not valid; nothing was changed.", {
          errors: [{ path: "entryIds", message: `not entries of this bank: ${missing.join(", ")}` }],
        });
      const administers = contentPolicy.administer(actor, bank);
      const refused = found.filter((e) => !administers && e.contributed_country !== actor.country);
      if (refused.length)
        throw new AppError(
          "forbidden",
          `Your country neither owns this bank nor contributed entries ${refused.map((e) => e.id).join(", ")}; nothing was changed.`,
        );
      const changing = found.filter((e) => e.status !== v.status);
      if (changing.length === 0) return { updated: [] as repo.EntryRow[], unchanged: found };
      const updated = await repo.setEntriesStatus(
        trx,
        changing.map((e) => Number(e.id)),
        v.status,
        now,
      );
      await repo.feedEntries(
        trx,
        updated.map((e) => Number(e.id)),
        now,
      );
      const oversight = contentPolicy.oversight(actor, bank);
      for (const e of changing)
        await appendAudit(trx, clock, actor, {
          action: "hashbank.entry.update",
          recordType: "hash_entry",
          recordId: String(e.id),
          detail: { bankId, from: e.status, to: v.status, reason: v.reason, bulk: ids.length, oversight },
        });
      return { updated, unchanged: found.filter((e) => e.status === v.status) };
    });
    matching.putEntries(result.updated);
    const items: EntryView[] = [...result.updated, ...result.unchanged]
      .sort((a, b) => Number(a.id) - Number(b.id))
      .map(entryView);
    return { changed: result.updated.length, unchanged: result.unchanged.length, items };
  }

  return { setEntriesStatus };
}
