import { readFileSync, statSync } from "node:fs";
import { type Command, InvalidArgumentError } from "commander";
import { MAX_PHOTO_BYTES, MAX_TEMPLATE_BYTES } from "../features/biometrics/biometrics.probe.ts";
import type { SearchSummaryView, SearchView } from "../features/biometrics/biometrics.schema.ts";
import type { TemplateView } from "../features/records/records.biometrics.schema.ts";
import { isAppError } from "../shared/errors.ts";
import type { CliIo, withServices } from "./context.ts";
import { readerAs } from "./export-command.ts";
import { actingAs } from "./import-file.ts";

/*
 * `fusion biometrics`: enrol a fingerprint template or a face photo on a person, run a stored and
 * audited 1:N search, and list a country's searches - through the same services, checks and audit
 * as the API (docs/biometric-search.md). A candidate list is never an identification: the decision
 * on it is a person's, made in the web app or through the API, so no command here records one.
 */

type Run = (fn: Parameters<typeof withServices>[1]) => Promise<void>;
type Probe = { fingerprint?: string; face?: string };

/** What one command reads, checked before the database is opened: nothing is stored for a bad file. */
function readProbe(o: Probe): { modality: "fingerprint" | "face"; bytes: Buffer } | string {
  if (!o.fingerprint === !o.face) return "give exactly one of --fingerprint <file> or --face <photo>";
  const modality = o.fingerprint ? "fingerprint" : "face";
  const file = (o.fingerprint ?? o.face) as string;
  const max = modality === "fingerprint" ? MAX_TEMPLATE_BYTES : MAX_PHOTO_BYTES;
  try {
    // Refused by size first, so a wrong path to a huge file is not read into memory.
    if (statSync(file).size > max) return `${file}: larger than a ${modality} may be (${max} bytes)`;
    return { modality, bytes: readFileSync(file) };
  } catch (e) {
    return `${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`;
  }
}

/** A service's refusal as one line, field errors included, so a script can log it as one. */
async function oneLine(io: CliIo, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    if (!isAppError(e)) throw e;
    const errors = e.details?.errors;
    // A field error that only repeats the message (a probe's refusal names its field) is left out.
    const fields = Array.isArray(errors)
      ? (errors as { path: string; message: string }[])
          .filter((x) => !e.message.includes(x.message))
          .map((x) => `${x.path}: ${x.message}`)
      : [];
    io.err(`error (${e.code}): ${[e.message, ...fields].join(" - ")}`);
    return 1;
  }
}

const templateLine = (t: TemplateView) =>
  `  ${t.id} ${t.modality} ${t.format}${t.minutiae === null ? "" : ` ${t.minutiae} minutiae`}${
    t.fingers.length ? ` fingers ${t.fingers.join(",")}` : ""
  }${t.photoId === null ? "" : ` photo ${t.photoId}`} source "${t.source}" ${t.recordedAt}${
    t.retractedAt ? ` retracted ${t.retractedAt}` : ""
  }`;

const awaitsDecision = (id: string) =>
  `This list is not an identification: it awaits a person's decision at the bureau, in the web app (/biometrics/searches/${id}) or through the API (POST /api/v1/biometrics/searches/${id}/decisions).`;

function searchLines(s: SearchView): string[] {
  const probe =
    s.probe.minutiae === null ? s.probe.format : `${s.probe.format}, ${s.probe.minutiae} minutiae`;
  const lines = [
    `search ${s.id} (${s.modality}, ${probe}) by ${s.country}, reason "${s.reason}", threshold ${s.threshold}`,
  ];
  if (s.candidates.length === 0) lines.push("no candidate");
  for (const c of s.candidates)
    lines.push(
      `  ${String(c.rank).padStart(2)}. ${c.score.toFixed(3)} ${c.aboveThreshold ? "above threshold" : "below threshold"} ${c.recordId} ${c.caption} (owner ${c.owner})`,
    );
  lines.push(awaitsDecision(s.id));
  return lines;
}

const summaryLine = (s: SearchSummaryView) =>
  `${s.at} ${s.id} ${s.country} ${s.purpose} ${s.modality} ${s.state}${
    s.decision ? ` (${s.decision.decision})` : ""
  } ${s.candidateCount} candidate${s.candidateCount === 1 ? "" : "s"} "${s.reason}" by ${s.searchedBy}`;

const limitOf = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 50) throw new InvalidArgumentError("a whole number from 1 to 50");
  return n;
};

export function registerBiometricsCommands(
  program: Command,
  io: CliIo,
  run: Run,
  setExit: (code: number) => void,
) {
  const bio = program
    .command("biometrics")
    .description("enrol fingerprint and face templates on persons, and run 1:N biometric searches");

  bio
    .command("enrol <record-id>")
    .description(
      "enrol a fingerprint template (ISO/IEC 19794-2, ANSI INCITS 378) or a face photo on a person the acting country owns",
    )
    .option("--fingerprint <file>", "a minutiae template file")
    .option("--face <photo>", "a JPEG, PNG or WebP photo with exactly one face")
    .requiredOption("--source <text>", "where the template comes from (a booking, a capture)")
    .requiredOption("--as <country>", "the acting country, owner of the person (ISO alpha-2)")
    .option("--json", "print JSON")
    .action(async (recordId: string, o: Probe & { source: string; as: string; json?: boolean }) => {
      const actor = actingAs(o.as);
      const probe = readProbe(o);
      if (typeof actor === "string" || typeof probe === "string") {
        io.err(`error: ${typeof actor === "string" ? actor : probe}`);
        return setExit(2);
      }
      await run(({ services }) =>
        oneLine(io, async () => {
          const query = { source: o.source };
          const r =
            probe.modality === "fingerprint"
              ? await services.biometrics.enrolFingerprint(actor, recordId, probe.bytes, query)
              : await services.biometrics.enrolFacePhoto(actor, recordId, probe.bytes, query);
          if (o.json) io.out(JSON.stringify(r));
          else {
            io.out(
              r.created
                ? `enrolled a ${probe.modality} template on ${recordId}; its templates:`
                : `already enrolled on ${recordId} (the same template is kept once); its templates:`,
            );
            for (const t of r.templates) io.out(templateLine(t));
          }
          return 0;
        }),
      );
    });

  bio
    .command("search")
    .description("run a stored, audited 1:N search; the candidate list awaits a person's decision")
    .option("--fingerprint <file>", "a minutiae template file")
    .option("--face <photo>", "a JPEG, PNG or WebP photo with exactly one face")
    .requiredOption("--reason <text>", "why: a case reference (stored and audited)")
    .option("--limit <n>", "at most this many candidates, 1 to 50 (default 10)", limitOf)
    .option("--as <country>", "search as this country's bureau (default: the Secretariat)")
    .option("--json", "print the search as JSON (the reminder of the decision goes to standard error)")
    .action(async (o: Probe & { reason: string; limit?: number; as?: string; json?: boolean }) => {
      const actor = readerAs(o.as);
      const probe = readProbe(o);
      if (typeof actor === "string" || typeof probe === "string") {
        io.err(`error: ${typeof actor === "string" ? actor : probe}`);
        return setExit(2);
      }
      await run(({ services }) =>
        oneLine(io, async () => {
          const query = { reason: o.reason, ...(o.limit === undefined ? {} : { limit: o.limit }) };
          const s =
            probe.modality === "fingerprint"
              ? await services.biometricSearch.searchFingerprint(actor, probe.bytes, query)
              : await services.biometricSearch.searchFace(actor, probe.bytes, query);
          if (o.json) {
            io.out(JSON.stringify(s));
            io.err(awaitsDecision(s.id));
          } else for (const l of searchLines(s)) io.out(l);
          return 0;
        }),
      );
    });

  bio
    .command("searches")
    .description("the acting country's biometric searches, newest first (the Secretariat: all)")
    .option("--pending", "only those awaiting a decision")
    .option("--as <country>", "as this country's bureau (default: the Secretariat)")
    .option("--json", "print JSON: { items, pending }")
    .action(async (o: { pending?: boolean; as?: string; json?: boolean }) => {
      const actor = readerAs(o.as);
      if (typeof actor === "string") {
        io.err(`error: ${actor}`);
        return setExit(2);
      }
      await run(({ services }) =>
        oneLine(io, async () => {
          const r = await services.biometricSearch.list(actor, {
            ...(o.pending ? { state: "pending" as const } : {}),
            limit: 200,
          });
          if (o.json) io.out(JSON.stringify(r));
          else {
            io.out(`${r.pending} awaiting a decision`);
            for (const s of r.items) io.out(summaryLine(s));
          }
          return 0;
        }),
      );
    });
}
