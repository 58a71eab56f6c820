import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Services } from "../../services.ts";
import type { Actor } from "../../shared/actor.ts";

/*
 * Fingerprint templates on two demo persons, so that a biometric search in the demo lists candidates
 * from two countries. The templates are the shipped golden samples (synthetic, not anyone's print),
 * in two standards, which also shows that the formats are searched together.
 */

/** Which demo person gets which sample (reference/fingerprints/formats/<sample>/<sample>-sample.dat). */
export const demoBiometrics = [
  { person: "Karim DEMOVIC", sample: "iso19794p2v2011", source: "Demo booking FR-2024/17" },
  { person: "Jonathan SAMPLEMAN", sample: "ansi378v2004", source: "Demo booking US-2023/52" },
] as const;

/** Beside the source, not the working directory: the server may be started from anywhere. */
const samplePath = (sample: string) =>
  fileURLToPath(
    new URL(`../../../reference/fingerprints/formats/${sample}/${sample}-sample.dat`, import.meta.url),
  );

/**
 * Enrols the demo templates through the biometrics service (audited like any enrolment), by the
 * owning country's officer. `personIds` maps the demo persons' names to their records; a sample
 * missing from the installation is skipped, since the demo works without biometrics.
 */
export async function seedDemoBiometrics(
  services: Services,
  personIds: ReadonlyMap<string, { id: string; owner: Actor }>,
): Promise<number> {
  let enrolled = 0;
  for (const d of demoBiometrics) {
    const person = personIds.get(d.person);
    const file = samplePath(d.sample);
    if (!person || !existsSync(file)) continue;
    const r = await services.biometrics.enrolFingerprint(person.owner, person.id, readFileSync(file), {
      source: d.source,
    });
    if (r.created) enrolled++;
  }
  return enrolled;
}
