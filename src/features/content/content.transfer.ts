/**
 * Bulk import and export of a bank in the exchange formats. An import is validated whole before the
 * first write, runs in one transaction with its audit row, and reaches the matcher after commit.
 */
import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { parseOrThrow } from "../../shared/validate.ts";
import { appendAudit } from "../audit/audit.append.ts";
import { formatExchange, parseExchange } from "./content.exchange.ts";
import { dedupe, writeSignals } from "./content.import.ts";
import type { createMatching } from "./content.match.ts";
import { contentPolicy } from "./content.policy.ts";
import * as repo from "./content.repo.ts";
import {
  type ExportQueryInput,
  exportQuery,
  type ImportQueryInput,
  type ImportResult,
  importQuery,
} from "./content.schema.ts";

export function createTransfer({ db, clock }: Deps, matching: ReturnType<typeof createMatching>) {
  function ensure(allowed: boolean, what: string): void {
    if (!allowed) throw new AppError("forbidden", `Your role may not ${what}.`);
  }

  async function visibleBank(trx: Deps["db"], actor: Actor, id: string) {
    const bank = isUuid(id) ? await repo.findVisibleBank(trx, actor, id) : undefined;
    if (!bank) throw new AppError("not_found", "No such hash bank.");
    return bank;
  }

  /** Validates the whole file first: one bad line and nothing is stored. */
  async function importEntries(
    actor: Actor,
    bankId: string,
    text: string,
    query: ImportQueryInput,
  ): Promise<ImportResult> {
    ensure(contentPolicy.manage(actor), "import hashes");
    const q = parseOrThrow(importQuery, query, "import options");
    const extra = (q.labels ?? "")
      .split(/[\s,;]+/)
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean);
    const { signals, problems } = parseExchange(text, q.format, q.signalType, extra);
    if (problems.length)
      throw new AppError(
        "validation_failed",
        `The ${q.format} file has ${problems.length === 200 ? "200 or more" : problems.length} problem(s); nothing was imported.`,
        { errors: problems },
      );
    const { unique, duplicates } = dedupe(signals);
    const now = clock.now();
    const r = await db.transaction().execute(async (trx) => {
      const bank = await visibleBank(trx, actor, bankId);
      const out = await writeSignals(trx, actor, bankId, unique, null, now);
      await appendAudit(trx, clock, actor, {
        action: "hashbank.import",
        recordType: "hash_bank",
        recordId: bankId,
        detail: {
          format: q.format,
          received: signals.length,
          created: out.created.length,
          updated: out.updated.length,
          unchanged: out.unchanged,
          oversight: contentPolicy.oversight(actor, bank),
        },
      });
      return out;
    });
    matching.addNew(r.created);
    matching.putEntries(r.updated);
    return {
      received: signals.length,
      created: r.created.length,
      updated: r.updated.length,
      unchanged: r.unchanged,
      duplicatesInFile: duplicates,
    };
  }

  async function exportEntries(actor: Actor, bankId: string, query: ExportQueryInput): Promise<string> {
    ensure(contentPolicy.manage(actor), "export hashes");
    const q = parseOrThrow(exportQuery, query, "export options");
    await db.transaction().execute(async (trx) => {
      const bank = await visibleBank(trx, actor, bankId);
      await appendAudit(trx, clock, actor, {
        action: "hashbank.export",
        recordType: "hash_bank",
        recordId: bankId,
        detail: { ...q, owner: bank.owner, oversight: contentPolicy.oversight(actor, bank) },
      });
    });
    const rows: repo.EntryRow[] = [];
    for await (const page of repo.bankEntries(db, actor, bankId, { signalType: q.signalType })) {
      rows.push(...page.filter((r) => q.includeRetired === "true" || r.status !== "retired"));
    }
    const shaped = rows.map((r) => ({
      signalType: r.signal_type,
      value: r.value,
      quality: r.quality,
      labels: r.labels,
    }));
    return formatExchange(shaped, q.format);
  }

  return { importEntries, exportEntries };
}
