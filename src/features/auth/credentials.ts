import { hash, verify } from "@node-rs/argon2";
import * as OTPAuth from "otpauth";

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): strong, and still under 50 ms here.
// (algorithm 2 is Argon2id; the library exports it as a const enum, which isolated modules cannot use.)
const argonOptions = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, argonOptions);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A password hash to verify against when the user does not exist, so timing does not tell. */
let decoyHash: Promise<string> | undefined;
export const decoyPasswordHash = (): Promise<string> => {
  decoyHash ??= hashPassword("decoy-password-for-unknown-users");
  return decoyHash;
};

export const passwordPolicy = { minLength: 12, maxLength: 256 } as const;

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

function totpFor(secretBase32: string, label = "fusion"): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: "Fusion",
    label,
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

export const totpUrl = (secretBase32: string, username: string): string =>
  totpFor(secretBase32, username).toString();

const TOTP_PERIOD_MS = 30_000;

/**
 * The time step (30-second period number since the epoch) a code belongs to, or null when it is not
 * valid now. Accepts the current step and one either side, to tolerate clock drift on phones. The
 * caller refuses a step it has already accepted for the account: a code is good once.
 */
export function totpStep(secretBase32: string, code: string, at: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: at.getTime(), window: 1 });
  return delta === null ? null : Math.floor(at.getTime() / TOTP_PERIOD_MS) + delta;
}

export const currentTotp = (secretBase32: string, at: Date): string =>
  totpFor(secretBase32).generate({ timestamp: at.getTime() });
