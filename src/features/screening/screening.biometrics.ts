import type { Actor } from "../../shared/actor.ts";
import type { TravellerIssue } from "./input/traveller.ts";
import type { CheckRequest } from "./screening.schema.ts";

/*
 * A traveller's biometrics at the border: a fingerprint template or a face photo arrives as base64
 * inside the check's JSON (border systems send one message per traveller), a capture system's face
 * template as numbers. They are decoded here, each bad one reported by its field, before anything
 * is screened or stored. The search itself and its human decision belong to the biometrics feature.
 */

export type BiometricProbe = {
  fingerprintTemplate?: Uint8Array;
  facePhoto?: Uint8Array;
  faceTemplate?: { vector: number[]; model: string };
};

/** What the frontline is told: never who, nor how close, until a person at the bureau has decided. */
export type BiometricScreening = (
  actor: Actor,
  probe: BiometricProbe,
  traveller: Record<string, unknown>,
  location: string | null,
) => Promise<{ status: "refer" | "none"; searchId: string | null }>;

export const REFER_MESSAGE = "Possible biometric match: refer to the bureau.";
export const NO_MATCH_MESSAGE = "No biometric match.";

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** A data URL's prefix, as a browser's canvas or file reader writes it. */
const DATA_URL = /^data:[a-z0-9.+/-]+;base64,/i;

function decodeBase64(field: string, text: string, problems: TravellerIssue[]): Uint8Array | undefined {
  const compact = text.replace(DATA_URL, "").replace(/\s+/g, "");
  if (compact.length === 0 || compact.length % 4 !== 0 || !BASE64.test(compact)) {
    problems.push({ field, message: "must be base64 (the bytes of the file, encoded)" });
    return undefined;
  }
  return new Uint8Array(Buffer.from(compact, "base64"));
}

/** The probe in a check, or null when it carries no biometrics; problems name their fields. */
export function readBiometricProbe(
  body: Pick<CheckRequest, "fingerprintTemplate" | "facePhoto" | "faceTemplate">,
): {
  probe: BiometricProbe | null;
  problems: TravellerIssue[];
} {
  const problems: TravellerIssue[] = [];
  const probe: BiometricProbe = {};
  if (body.fingerprintTemplate !== undefined)
    probe.fingerprintTemplate = decodeBase64("fingerprintTemplate", body.fingerprintTemplate, problems);
  if (body.facePhoto !== undefined) probe.facePhoto = decodeBase64("facePhoto", body.facePhoto, problems);
  if (body.faceTemplate !== undefined) {
    if (body.faceTemplate.vector.every(Number.isFinite)) probe.faceTemplate = body.faceTemplate;
    else problems.push({ field: "faceTemplate.vector", message: "must hold finite numbers only" });
  }
  const given = Object.values(probe).some((v) => v !== undefined);
  return { probe: given && problems.length === 0 ? probe : null, problems };
}
