import { pipeline, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { appendAudit } from "./audit.append.ts";
import { auditCsvColumns, csvRowOf } from "./audit.csv.ts";
import {
  type AuditFilter,
  type AuditSort,
  filteredRowsInOrder,
  findActors,
  headSeq,
  listAudit,
} from "./audit.repo.ts";
import type { AuditActorView, VerifyResult } from "./audit.schema.ts";
import { verifyAuditTrail } from "./audit.verify.ts";

const auditReaders = new Set(["auditor", "admin"]);

/** A filter as it goes into the trail's own audit row: instants as ISO strings. */
const filterDetail = (filter: object) =>
  Object.fromEntries(
    Object.entries(filter)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );

export function createAuditService({ db, clock, config }: Deps) {
  function requireReader(actor: Actor) {
    if (!auditReaders.has(actor.role))
      throw new AppError("forbidden", "Only auditors may read the audit trail.");
  }

  /** Reading the trail is itself recorded: auditors are accountable too. */
  async function search(actor: Actor, filter: AuditFilter, page: number, pageSize: number, sort?: AuditSort) {
    requireReader(actor);
    return db.transaction().execute(async (trx) => {
      const result = await listAudit(trx, filter, page, pageSize, sort);
      await appendAudit(trx, clock, actor, {
        action: "audit.search",
        detail: filterDetail({ ...filter, page, ...(sort ? { sort } : {}) }),
      });
      return result;
    });
  }

  /** The people and API clients an auditor may filter the trail by, found by any part of a name. */
  async function actors(actor: Actor, q: string | undefined): Promise<AuditActorView[]> {
    requireReader(actor);
    return db.transaction().execute(async (trx) => {
      const found = await findActors(trx, q);
      await appendAudit(trx, clock, actor, {
        action: "audit.actors",
        detail: { q: q ?? null, returned: found.length },
      });
      return found;
    });
  }

  /**
   * The filtered trail as CSV, streamed in pages. The export is audited before the first byte leaves,
   * and covers the trail up to and including its own row: what was exported is itself on record.
   */
  async function exportCsv(actor: Actor, filter: AuditFilter): Promise<Readable> {
    requireReader(actor);
    const upTo = await db.transaction().execute(async (trx) => {
      await appendAudit(trx, clock, actor, { action: "audit.export", detail: filterDetail(filter) });
      return headSeq(trx);
    });
    const rows = Readable.from(
      (async function* () {
        for await (const page of filteredRowsInOrder(db, filter, upTo)) yield* page.map(csvRowOf);
      })(),
    );
    const csv = stringify({
      header: true,
      columns: [...auditCsvColumns],
      bom: true,
      record_delimiter: "windows",
    });
    // A client that goes away ends the reading too (pipeline destroys both streams).
    return pipeline(rows, csv, () => {});
  }

  /** The chain and the signed checkpoints outside the database (docs/storage.md). */
  async function verify(actor: Actor): Promise<VerifyResult> {
    requireReader(actor);
    const result = await verifyAuditTrail(db, config);
    await db.transaction().execute((trx) =>
      appendAudit(trx, clock, actor, {
        action: "audit.verify",
        detail: { ok: result.ok, checked: result.checked, problems: result.problems.map((p) => p.kind) },
      }),
    );
    return result;
  }

  return { search, actors, exportCsv, verify };
}

export type AuditService = ReturnType<typeof createAuditService>;
