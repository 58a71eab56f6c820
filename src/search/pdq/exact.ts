/**
 * Exact (cryptographic) hashes of the file bytes, stored beside PDQ in the hash bank: they find
 * byte-identical copies instantly and are what partners exchange for non-image media.
 */
import { createHash } from "node:crypto";

/** MD5, lowercase hex. Kept for interoperability with older hash lists, not for security. */
export function md5Hex(bytes: Uint8Array): string {
  return createHash("md5").update(bytes).digest("hex");
}

/** SHA-256, lowercase hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
