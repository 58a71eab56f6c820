import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { appendAudit } from "./audit.append.ts";
import { type AuditFilter, listAudit } from "./audit.repo.ts";
import type { VerifyResult } from "./audit.schema.ts";
import { verifyAuditTrail } from "./audit.verify.ts";

const auditReaders = new Set(["auditor", "admin"]);

export function createAuditService({ db, clock, config }: Deps) {
  function requireReader(actor: Actor) {
    if (!auditReaders.has(actor.role))
      throw new AppError("forbidden", "Only auditors may read the audit trail.");
  }

  /** Reading the trail is itself recorded: auditors are accountable too. */
  async function search(actor: Actor, filter: AuditFilter, page: number, pageSize: number) {
    requireReader(actor);
    return db.transaction().execute(async (trx) => {
      const result = await listAudit(trx, filter, page, pageSize);
      const detail = Object.fromEntries(
        Object.entries({ ...filter, page }).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
      );
      await appendAudit(trx, clock, actor, { action: "audit.search", detail });
      return result;
    });
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

  return { search, verify };
}

export type AuditService = ReturnType<typeof createAuditService>;
