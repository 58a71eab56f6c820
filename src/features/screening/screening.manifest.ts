import type { z } from "zod";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { parseManifest } from "./input/manifest.ts";
import type { ManifestProblem } from "./input/manifest.types.ts";
import { mrzSummary } from "./screening.check.ts";
import type { manifestResultSchema } from "./screening.schema.ts";
import type { ScreeningService } from "./screening.service.ts";

/*
 * A whole flight at once: the manifest is read (CSV, JSON, JSON Lines or a PAXLST message, told
 * from its content), every readable passenger is screened, and every unreadable one comes back with
 * its reasons, so one broken row never stops a flight. A file that is no manifest at all is refused
 * whole and changes nothing.
 */

export type ManifestResult = z.infer<typeof manifestResultSchema>;
export type ManifestProgress = { screened: number; total: number };

const tooBig = new Set<ManifestProblem["code"]>(["too_large", "too_many_rows"]);
const partial = new Set<ManifestProblem["code"]>(["truncated", "segment_count", "envelope"]);

export async function screenManifest(
  service: ScreeningService,
  actor: Actor,
  content: string | Buffer,
  options: { location?: string | undefined; onProgress?: (p: ManifestProgress) => void } = {},
): Promise<ManifestResult> {
  service.ensureScreen(actor);
  const ctx = service.context(options.location);
  const manifest = parseManifest(content, ctx.today);
  // A message cut short still has its complete passengers; any other file problem refuses the file.
  const fatal = manifest.problems.find((p) => !partial.has(p.code));
  if (fatal || manifest.format === null)
    throw new AppError(
      fatal && tooBig.has(fatal.code) ? "payload_too_large" : "bad_request",
      fatal?.message ?? "The file is not a manifest.",
      { code: fatal?.code ?? "unknown_format" },
    );
  const readable = manifest.passengers.flatMap((p) =>
    p.result.ok ? [{ position: p.position, id: p.id, traveller: p.result.traveller }] : [],
  );
  const total = readable.length;
  const results = await service.screenAll(
    actor,
    readable,
    ctx,
    {
      action: "screening.manifest",
      detail: {
        format: manifest.format,
        passengers: manifest.passengers.length,
        unreadable: manifest.passengers.length - total,
      },
    },
    (screened) => options.onProgress?.({ screened, total }),
  );
  let hits = 0;
  const passengers = manifest.passengers.map((p) => {
    if (!p.result.ok)
      return { position: p.position, id: p.id, traveller: null, result: null, problems: p.result.problems };
    const t = p.result.traveller;
    const traveller = {
      name: t.name,
      dateOfBirth: t.dateOfBirth,
      nationality: t.nationality,
      documentNumber: t.documents[0]?.number ?? null,
    };
    const r = results.get(p.position);
    if (r?.hit) hits++;
    return {
      position: p.position,
      id: p.id,
      traveller,
      result: r ? { ...r, mrz: mrzSummary(p.result.traveller.mrz), warnings: p.result.warnings } : null,
      problems: [],
    };
  });
  return {
    format: manifest.format,
    passengers,
    problems: manifest.problems.map((p) => ({ field: p.code, message: p.message })),
    summary: { passengers: passengers.length, screened: total, unreadable: passengers.length - total, hits },
  };
}
