import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { defaultReviewAt, envelopeColumns } from "../../shared/envelope/envelope.sql.ts";
import { oversightOf } from "../../shared/envelope/visibility.ts";
import { AppError } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { parseOrThrow } from "../../shared/validate.ts";
import { appendAudit } from "../audit/audit.append.ts";
import { createBulkStatus } from "./content.bulk-status.ts";
import { writeSignals } from "./content.import.ts";
import { createMatching, type MatchingOptions } from "./content.match.ts";
import { createMedia } from "./content.media.ts";
import { contentPolicy } from "./content.policy.ts";
import * as repo from "./content.repo.ts";
import {
  type BankView,
  type CreateBankInput,
  type CreateEntryInput,
  createBankSchema,
  createEntrySchema,
  type EntryView,
  type ListEntriesQuery,
  type UpdateBankInput,
  type UpdateEntryInput,
  updateBankSchema,
  updateEntrySchema,
} from "./content.schema.ts";
import { createTransfer } from "./content.transfer.ts";
import { createVideoUploads } from "./content.video.match.ts";
import { bankView, entryView } from "./content.views.ts";

// Hash banks are re-validated by their owner every two years unless they say sooner.
const BANK_REVIEW_YEARS = 2;

export type ContentOptions = MatchingOptions;

export function createContentService(deps: Deps, options: ContentOptions = {}) {
  const { db, clock } = deps;
  const matching = createMatching(deps, options);
  const transfer = createTransfer(deps, matching);
  const media = createMedia(deps, matching);
  const video = createVideoUploads(matching);
  const bulk = createBulkStatus(deps, matching);

  function ensure(allowed: boolean, what: string): void {
    if (!allowed) throw new AppError("forbidden", `Your role may not ${what}.`);
  }

  async function visibleBank(trx: Deps["db"], actor: Actor, id: string) {
    const bank = isUuid(id) ? await repo.findVisibleBank(trx, actor, id) : undefined;
    if (!bank) throw new AppError("not_found", "No such hash bank.");
    return bank;
  }

  /** Platform clients named in a bank's sharing list must exist and be platform partners. */
  async function checkPlatforms(trx: Deps["db"], ids: string[]) {
    const found = await repo.platformClientsAmong(trx, ids);
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length)
      throw new AppError("validation_failed", "The bank is not valid.", {
        errors: missing.map((id) => ({
          path: "sharedWithClients",
          message: `${id} is not a platform client`,
        })),
      });
  }

  async function createBank(actor: Actor, input: CreateBankInput): Promise<BankView> {
    ensure(contentPolicy.manage(actor), "manage hash banks");
    const v = parseOrThrow(createBankSchema, input, "hash bank");
    const now = clock.now();
    const row = await db.transaction().execute(async (trx) => {
      await checkPlatforms(trx, v.sharedWithClients);
      if (await repo.bankNameTaken(trx, actor, v.name))
        throw new AppError("conflict", "Your country already has a bank of that name.");
      const b = await repo.insertBank(trx, {
        name: v.name,
        description: v.description,
        ...envelopeColumns(actor.country, v.envelope, defaultReviewAt(now, BANK_REVIEW_YEARS)),
        shared_with_all_platforms: v.sharedWithAllPlatforms,
        shared_with_clients: [...new Set(v.sharedWithClients)].sort(),
        created_by: actor.kind === "user" ? actor.id : null,
        created_at: now,
        updated_at: now,
      });
      await repo.feedBank(trx, b.id, now);
      await appendAudit(trx, clock, actor, {
        action: "hashbank.create",
        recordType: "hash_bank",
        recordId: b.id,
      });
      return b;
    });
    matching.putBank(row);
    return bankView(row, 0);
  }

  async function updateBank(actor: Actor, id: string, input: UpdateBankInput): Promise<BankView> {
    ensure(contentPolicy.manage(actor), "manage hash banks");
    const v = parseOrThrow(updateBankSchema, input, "hash bank");
    const now = clock.now();
    const row = await db.transaction().execute(async (trx) => {
      const bank = await visibleBank(trx, actor, id);
      ensure(contentPolicy.administer(actor, bank), "change another country's hash bank");
      if (v.sharedWithClients) await checkPlatforms(trx, v.sharedWithClients);
      const b = await repo.updateBank(trx, bank.id, {
        ...(v.name === undefined ? {} : { name: v.name }),
        ...(v.description === undefined ? {} : { description: v.description }),
        ...(v.envelope ? envelopeColumns(bank.owner, v.envelope, bank.review_at) : {}),
        ...(v.sharedWithAllPlatforms === undefined
          ? {}
          : { shared_with_all_platforms: v.sharedWithAllPlatforms }),
        ...(v.sharedWithClients ? { shared_with_clients: [...new Set(v.sharedWithClients)].sort() } : {}),
        updated_at: now,
      });
      await repo.feedBank(trx, b.id, now);
      await appendAudit(trx, clock, actor, {
        action: "hashbank.update",
        recordType: "hash_bank",
        recordId: b.id,
        detail: { changed: Object.keys(v), oversight: contentPolicy.oversight(actor, bank) },
      });
      return { b, entries: await repo.countEntries(trx, actor, b.id) };
    });
    matching.putBank(row.b);
    return bankView(row.b, row.entries);
  }

  async function listBanks(actor: Actor): Promise<BankView[]> {
    ensure(contentPolicy.manage(actor), "list hash banks");
    return db.transaction().execute(async (trx) => {
      const rows = await repo.listVisibleBanks(trx, actor);
      await appendAudit(trx, clock, actor, {
        action: "hashbank.list",
        detail: { returned: rows.length, ...oversightOf(rows, actor) },
      });
      return rows.map((r) => bankView(r, Number(r.entry_count ?? 0)));
    });
  }

  async function getBank(actor: Actor, id: string): Promise<BankView> {
    ensure(contentPolicy.manage(actor), "read hash banks");
    return db.transaction().execute(async (trx) => {
      const bank = await visibleBank(trx, actor, id);
      await appendAudit(trx, clock, actor, {
        action: "hashbank.read",
        recordType: "hash_bank",
        recordId: id,
        detail: { owner: bank.owner, oversight: contentPolicy.oversight(actor, bank) },
      });
      return bankView(bank, await repo.countEntries(trx, actor, id));
    });
  }

  async function listEntries(actor: Actor, bankId: string, q: ListEntriesQuery) {
    ensure(contentPolicy.manage(actor), "read hash banks");
    return db.transaction().execute(async (trx) => {
      const bank = await visibleBank(trx, actor, bankId);
      const { rows, total } = await repo.listEntries(trx, actor, bankId, q);
      await appendAudit(trx, clock, actor, {
        action: "hashbank.entries.search",
        recordType: "hash_bank",
        recordId: bankId,
        detail: { ...q, returned: rows.length, total, oversight: contentPolicy.oversight(actor, bank) },
      });
      const ids = rows.map((r) => Number(r.id));
      const thumbs = await repo.entriesWithThumbnail(trx, actor, ids);
      const items = rows.map((r) => ({ ...entryView(r), hasThumbnail: thumbs.has(Number(r.id)) }));
      return { items, total, page: q.page, pageSize: q.pageSize };
    });
  }

  /** Adds one hash; adding a hash the bank already holds only merges its labels. */
  async function addEntry(actor: Actor, bankId: string, input: CreateEntryInput): Promise<EntryView> {
    ensure(contentPolicy.manage(actor), "contribute hashes");
    const v = parseOrThrow(createEntrySchema, input, "hash entry");
    const signal = {
      line: 1,
      signalType: v.signalType,
      value: v.value.toLowerCase(),
      quality: v.quality ?? null,
      labels: [...new Set(v.labels)].sort(),
    };
    const now = clock.now();
    const { row, changed } = await db.transaction().execute(async (trx) => {
      const bank = await visibleBank(trx, actor, bankId);
      const r = await writeSignals(trx, actor, bankId, [signal], v.contributedUnit ?? null, now);
      const changed = [...r.created, ...r.updated];
      const row = changed[0] ?? (await repo.entriesWithSignals(trx, actor, bankId, [signal]))[0];
      if (!row) throw new AppError("internal", "The entry was not stored.");
      await appendAudit(trx, clock, actor, {
        action: "hashbank.entry.add",
        recordType: "hash_entry",
        recordId: String(row.id),
        detail: {
          bankId,
          signalType: signal.signalType,
          created: r.created.length === 1,
          oversight: contentPolicy.oversight(actor, bank),
        },
      });
      return { row, changed };
    });
    matching.putEntries(changed);
    return entryView(row);
  }

  async function updateEntry(actor: Actor, entryId: number, input: UpdateEntryInput): Promise<EntryView> {
    ensure(contentPolicy.manage(actor), "change hash entries");
    const v = parseOrThrow(updateEntrySchema, input, "hash entry");
    const now = clock.now();
    const row = await db.transaction().execute(async (trx) => {
      const found = await repo.findVisibleEntry(trx, actor, entryId);
      if (!found) throw new AppError("not_found", "No such hash entry.");
      const { entry, bank } = found;
      const mayChange = contentPolicy.administer(actor, bank) || entry.contributed_country === actor.country;
      ensure(mayChange, "change an entry your country neither owns nor contributed");
      const e = await repo.updateEntry(trx, entryId, {
        ...(v.status ? { status: v.status } : {}),
        ...(v.labels ? { labels: [...new Set(v.labels)].sort() } : {}),
        updated_at: now,
      });
      await repo.feedEntries(trx, [e.id], now);
      await appendAudit(trx, clock, actor, {
        action: "hashbank.entry.update",
        recordType: "hash_entry",
        recordId: String(e.id),
        detail: {
          from: entry.status,
          to: e.status,
          labels: e.labels,
          oversight: contentPolicy.oversight(actor, bank),
        },
      });
      return e;
    });
    matching.putEntries([row]);
    return entryView(row);
  }

  /** An entry the referrer may see, from a bank shared with the platform it is referred to. */
  async function entryForReferral(
    actor: Actor,
    entryId: number,
    platform: { clientId: string; country: string },
  ) {
    const entry = await repo.findEntryForReferral(db, actor, platform, entryId);
    if (!entry) throw new AppError("not_found", "No such hash entry.");
    if (!entry.shared_with_platform)
      throw new AppError("validation_failed", "The referral is not valid.", {
        errors: [{ path: "hashEntryId", message: "the entry's bank is not shared with this platform" }],
      });
    return { id: entry.id, signalType: entry.signal_type, value: entry.value, labels: entry.labels };
  }

  return {
    createBank,
    updateBank,
    listBanks,
    getBank,
    listEntries,
    addEntry,
    updateEntry,
    setEntriesStatus: bulk.setEntriesStatus,
    importEntries: transfer.importEntries,
    exportEntries: transfer.exportEntries,
    addEntriesFromImage: media.addFromImage,
    entryThumbnail: media.thumbnail,
    entryForReferral,
    matchHash: matching.matchHash,
    matchImage: matching.matchImage,
    matchVideoUpload: video.matchVideoUpload,
  };
}

export type ContentService = ReturnType<typeof createContentService>;
