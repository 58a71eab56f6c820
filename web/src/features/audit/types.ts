import type { Item, Schema } from "../../lib/api/schema.ts";

/** The audit trail as the contract names it. */
export type AuditEntry = Item<"listAuditEntries">;

/** The chain's verification; one problem per line, from the chain and the signed checkpoints. */
export type VerifyResult = Schema<"AuditVerifyResult">;

/** A person or API client to filter the trail by. */
export type AuditActor = Schema<"AuditActor">;
