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
  /** One line per problem, from the chain and from the signed checkpoints (operator text). */
  problems: { kind: string; seq: number | null; message: string }[];
  notices: string[];
}
