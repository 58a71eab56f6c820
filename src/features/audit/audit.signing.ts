import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sha256Hex } from "../../shared/ids.ts";

/*
 * The key that signs audit checkpoints. It lives in a file, never in the database: whoever can
 * only change the database (a database administrator, an injected statement, a doctored backup)
 * can recompute the hash chain but cannot sign a checkpoint that vouches for the result.
 */

export type AuditVerifier = { keyId: string; publicKey: KeyObject };
export type AuditSigner = AuditVerifier & { privateKey: KeyObject; file: string; created: boolean };

/** Short, stable name of a public key: the first 16 hex digits of the SHA-256 of its SPKI form. */
export function keyIdOf(publicKey: KeyObject): string {
  return sha256Hex(publicKey.export({ type: "spki", format: "der" })).slice(0, 16);
}

/** The public half is written beside the private key so verifiers elsewhere need only that. */
export function publicKeyFileOf(keyFile: string): string {
  return keyFile.endsWith(".key") ? `${keyFile.slice(0, -4)}.pub` : `${keyFile}.pub`;
}

function readPrivateKey(file: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(readFileSync(file));
  } catch (e) {
    throw new Error(`audit signing key ${file} cannot be read: ${e instanceof Error ? e.message : e}`);
  }
  if (key.asymmetricKeyType !== "ed25519")
    throw new Error(`audit signing key ${file} is not an Ed25519 private key`);
  return key;
}

/**
 * Loads the signing key, generating it on first use (mode 0600, public key beside it). The file is
 * created exclusively, so two servers starting at once on one data directory end up sharing the key
 * the first one wrote.
 */
export function loadOrCreateSigningKey(file: string): AuditSigner {
  let created = false;
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    const pair = generateKeyPairSync("ed25519");
    try {
      writeFileSync(file, pair.privateKey.export({ type: "pkcs8", format: "pem" }), {
        mode: 0o600,
        flag: "wx",
      });
      writeFileSync(publicKeyFileOf(file), pair.publicKey.export({ type: "spki", format: "pem" }));
      created = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
  }
  const privateKey = readPrivateKey(file);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey), file, created };
}

/**
 * The key that checks checkpoints: the private key file when present, else the public key beside
 * where it would be (an auditor's machine holds only that). Null when neither exists.
 */
export function loadVerifier(keyFile: string): AuditVerifier | null {
  if (existsSync(keyFile)) {
    const publicKey = createPublicKey(readPrivateKey(keyFile));
    return { publicKey, keyId: keyIdOf(publicKey) };
  }
  const pubFile = publicKeyFileOf(keyFile);
  if (!existsSync(pubFile)) return null;
  const publicKey = createPublicKey(readFileSync(pubFile));
  if (publicKey.asymmetricKeyType !== "ed25519")
    throw new Error(`audit public key ${pubFile} is not an Ed25519 key`);
  return { publicKey, keyId: keyIdOf(publicKey) };
}

export function signText(signer: AuditSigner, text: string): string {
  return sign(null, Buffer.from(text, "utf8"), signer.privateKey).toString("base64");
}

export function verifyText(verifier: AuditVerifier, text: string, signature: string): boolean {
  const sig = Buffer.from(signature, "base64");
  // An Ed25519 signature is 64 bytes; anything else is invalid without asking OpenSSL.
  return sig.length === 64 && verify(null, Buffer.from(text, "utf8"), verifier.publicKey, sig);
}
