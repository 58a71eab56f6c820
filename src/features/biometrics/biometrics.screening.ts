import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { inTransaction } from "../../storage/ambient.ts";
import { readFacePhoto, readFaceTemplate, readFingerprint } from "./biometrics.probe.ts";
import { faceProbe, fingerprintProbe, type Probe, type Searcher } from "./biometrics.search.ts";

/*
 * The screening check's biometric part (docs/biometric-search.md, "Screening"). Every probe is read
 * whole first, so a malformed one is a 422 naming its field and nothing is stored. A search is
 * stored for the checking country only when a candidate reaches the threshold, and the answer says
 * only "refer": the frontline learns neither who nor how close until a person at the bureau decides.
 */

export type ScreeningProbe = {
  fingerprintTemplate?: Uint8Array;
  facePhoto?: Uint8Array;
  faceTemplate?: { vector: number[]; model: string };
};
export type BiometricScreening = { status: "refer" | "none"; searchId: string | null };

const SCREENING_REASON = "border screening";
const SCREENING_LIMIT = 10;

export function createBiometricScreening({ config, db }: Deps, searcher: Searcher) {
  async function probesOf(p: ScreeningProbe): Promise<Probe[]> {
    const probes: Probe[] = [];
    if (p.fingerprintTemplate !== undefined)
      probes.push(fingerprintProbe(readFingerprint(p.fingerprintTemplate, "fingerprintTemplate")));
    if (p.facePhoto !== undefined) {
      const face = await readFacePhoto(p.facePhoto, "facePhoto");
      probes.push(faceProbe(face.vector, face.format, face.photo.data));
    }
    if (p.faceTemplate !== undefined) {
      const t = readFaceTemplate(p.faceTemplate, config.faceTemplateDimensions, "faceTemplate.vector");
      probes.push(faceProbe(t.vector, t.format, null));
    }
    return probes;
  }

  /**
   * Screens the traveller's biometrics. Reading, face extraction and ranking are CPU work done
   * before the transaction (they must not hold a connection); storing is one transaction. With
   * several probes, each that reaches the threshold stores its own search; the first id is returned.
   */
  async function screenBiometrics(
    actor: Actor,
    probe: ScreeningProbe,
    traveller: Record<string, unknown>,
    location: string | null,
  ): Promise<BiometricScreening> {
    const probes = await probesOf(probe);
    const ranked = await Promise.all(probes.map((p) => searcher.rank(actor, p, SCREENING_LIMIT)));
    return inTransaction(db, async (trx) => {
      let searchId: string | null = null;
      for (const [i, p] of probes.entries()) {
        const meta = { purpose: "screening" as const, reason: SCREENING_REASON, limit: SCREENING_LIMIT };
        const stored = await searcher.run(trx, actor, p, { ...meta, location, traveller }, ranked[i]);
        searchId ??= stored?.id ?? null;
      }
      return { status: searchId ? "refer" : "none", searchId };
    });
  }

  return { screenBiometrics };
}
