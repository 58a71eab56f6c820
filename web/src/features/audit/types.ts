export interface AuditEntry {
  seq: number;
  at: string;
  actorUsername: string | null;
  actorCountry: string | null;
  actorRole: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  detail: unknown;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
}
