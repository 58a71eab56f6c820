import path from "node:path";
import { z } from "zod";

/**
 * All configuration comes from the environment through this one schema. There are no default
 * secrets: the only secret (the key that seals TOTP secrets) must be given outside demo mode, and
 * in demo mode it is generated once and kept in the data directory.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default("localhost"),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
    .optional(),
  FUSION_DEMO: z.enum(["true", "false"]).optional(),
  FUSION_SECRET_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, "FUSION_SECRET_KEY must be 64 hex characters (32 bytes)")
    .optional(),
  COOKIE_SECURE: z.enum(["true", "false"]).optional(),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().positive().default(20),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().positive().default(12),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  FUSION_AUDIT_SIGNING_KEY_FILE: z.string().optional(),
  AUDIT_CHECKPOINT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  AUDIT_CHECKPOINT_FILE: z.string().optional(),
  AUDIT_CHECKPOINT_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  AUDIT_CHECKPOINT_SYSLOG: z
    .string()
    .regex(/^udp:\/\/(\[[0-9a-f:.]+\]|[^:/\s]+):\d{1,5}$/i, "AUDIT_CHECKPOINT_SYSLOG must be udp://host:port")
    .optional(),
  REVIEW_WARNING_MONTHS: z.coerce.number().int().min(1).max(24).default(4),
  SCREENING_FEED_POLL_MS: z.coerce.number().int().min(0).max(60_000).default(250),
  FUSION_FACE_TEMPLATE_DIMENSIONS: z.coerce.number().int().min(2).max(4096).default(512),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Demo mode seeds demo data, prints demo credentials and relaxes the TOTP requirement. */
  demo: boolean;
  secretKeyHex: string | undefined;
  cookieSecure: boolean;
  bodyLimitBytes: number;
  /** Per client address, on top of the per-account lockout. */
  loginAttemptsPerMinute: number;
  sessionIdleMs: number;
  sessionMaxMs: number;
  logLevel: string;
  /** Ed25519 key that signs audit checkpoints; kept outside the database (docs/storage.md). */
  auditSigningKeyFile: string;
  auditCheckpointMs: number;
  /** Append-only JSON lines of signed checkpoints. */
  auditCheckpointFile: string;
  auditCheckpointWebhookUrl: string | undefined;
  /** udp://host:port of a syslog receiver (RFC 5424). */
  auditCheckpointSyslog: string | undefined;
  /** How long before its review date a record shows as due to its owner (retention review). */
  reviewWarningMonths: number;
  /**
   * How stale a screening node's watchlist may be: it reads the change feed at least this often
   * (in the background, and before a query when the last read is older). 0 reads before every query.
   */
  screeningFeedPollMs: number;
  /** Length of the face templates capture systems send (docs/biometric-search.md). */
  faceTemplateDimensions: number;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  // The embedded database is the demo/evaluation set-up; a server database is production unless
  // demo mode is asked for explicitly.
  const demo = e.FUSION_DEMO ? e.FUSION_DEMO === "true" : !e.DATABASE_URL;
  if (!demo && !e.FUSION_SECRET_KEY) {
    throw new Error("Invalid configuration:\n  FUSION_SECRET_KEY: required outside demo mode");
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    demo,
    secretKeyHex: e.FUSION_SECRET_KEY,
    cookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === "true" : !demo,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    loginAttemptsPerMinute: e.LOGIN_ATTEMPTS_PER_MINUTE,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.SESSION_MAX_HOURS * 3_600_000,
    logLevel: e.LOG_LEVEL,
    auditSigningKeyFile: path.resolve(
      e.FUSION_AUDIT_SIGNING_KEY_FILE ?? path.join(dataDir, "audit-signing.key"),
    ),
    auditCheckpointMs: e.AUDIT_CHECKPOINT_SECONDS * 1000,
    auditCheckpointFile: path.resolve(
      e.AUDIT_CHECKPOINT_FILE ?? path.join(dataDir, "audit-checkpoints.jsonl"),
    ),
    auditCheckpointWebhookUrl: e.AUDIT_CHECKPOINT_WEBHOOK_URL,
    auditCheckpointSyslog: e.AUDIT_CHECKPOINT_SYSLOG,
    reviewWarningMonths: e.REVIEW_WARNING_MONTHS,
    screeningFeedPollMs: e.SCREENING_FEED_POLL_MS,
    faceTemplateDimensions: e.FUSION_FACE_TEMPLATE_DIMENSIONS,
  };
}
