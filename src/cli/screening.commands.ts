import { readFileSync } from "node:fs";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { screenManifest } from "../features/screening/screening.manifest.ts";
import type { TravellerResultView } from "../features/screening/screening.schema.ts";
import type { CliIo, withServices } from "./context.ts";
import { readerAs } from "./export-command.ts";

type Run = (fn: Parameters<typeof withServices>[1]) => Promise<void>;

type ScreenOptions = {
  name?: string;
  dob?: string;
  nationality?: string;
  sex?: string;
  document?: string;
  documentCountry?: string;
  documentType?: string;
  mrz?: string;
  file?: string;
  location?: string;
  as?: string;
  json?: boolean;
};

/** A line a person reads: hit or not, the action, and each match with its score and reference. */
function humanLines(r: TravellerResultView, id?: string): string[] {
  const who = id === undefined ? "" : `${id}: `;
  if (!r.hit && r.hits.length === 0) return [`${who}no hit`];
  const lines = [
    `${who}${r.hit ? "HIT" : "no hit (possible matches below)"}${r.action ? ` - ${r.action}` : ""}`,
  ];
  for (const h of r.hits)
    lines.push(
      `  ${h.match ? "match   " : "possible"} ${h.score.toFixed(3)} ${h.kind} ${h.reference} ${h.caption} (contact: ${h.contact.name})`,
    );
  if (r.mrz && !r.mrz.valid) lines.push("  MRZ: a check digit is wrong - the document is unverified");
  if (r.mrz?.expired) lines.push("  MRZ: the document has expired");
  return lines;
}

/** A progress bar on standard error, for a terminal only (a pipe gets clean output). */
function progressBar(enabled: boolean) {
  if (!enabled) return { update: (_s: number, _t: number) => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: "{bar} {percentage}% | {value}/{total} passengers", hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(screened: number, total: number) {
      if (!started) bar.start(Math.max(total, 1), 0);
      started = true;
      bar.update(screened);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/**
 * `fusion screen`: one traveller (fields, MRZ or both) or a manifest file, screened as a country
 * (`--as CC`) or as the Secretariat, printing JSON (`--json`: one object, or one per passenger) or
 * lines a person reads. The same checks, storage of hits and audit as the API.
 */
export function registerScreeningCommands(
  program: Command,
  io: CliIo,
  run: Run,
  setExit: (code: number) => void,
) {
  program
    .command("screen")
    .description("screen a traveller, or a passenger manifest (CSV, JSON, JSON Lines or PAXLST)")
    .option("--name <name>", "full name as written, any script")
    .option("--dob <date>", "date of birth: YYYY-MM-DD, YYYY-MM or YYYY")
    .option("--nationality <cc>", "ISO alpha-2 or ICAO alpha-3")
    .option("--sex <sex>", "M, F or X")
    .option("--document <number>", "travel document number")
    .option("--document-country <ccc>", "the document's issuing state")
    .option("--document-type <type>", "passport, id_card, visa, residence_permit, travel_document, other")
    .option("--mrz <text>", "the machine-readable zone (lines separated by newlines)")
    .option("--file <path>", "a manifest: one result per passenger")
    .option("--location <text>", "where the check is made (a border post, a flight)")
    .option("--as <country>", "screen as this country's bureau (default: the Secretariat)")
    .option("--json", "print JSON")
    .action(async (o: ScreenOptions) => {
      const actor = readerAs(o.as);
      if (typeof actor === "string") {
        io.err(`error: ${actor}`);
        return setExit(2);
      }
      if (!o.file && !o.name && !o.document && !o.mrz) {
        io.err("error: give --name, --document or --mrz (or --file for a manifest)");
        return setExit(2);
      }
      await run(async ({ services }) => {
        const s = services.screening;
        if (o.file) {
          const bar = progressBar(process.stderr.isTTY === true);
          const content = readFileSync(o.file);
          const result = await screenManifest(s.service, actor, content, {
            location: o.location,
            onProgress: (p) => bar.update(p.screened, p.total),
          });
          bar.stop();
          for (const p of result.passengers) {
            if (o.json)
              io.out(
                JSON.stringify(p.result ? { id: p.id, ...p.result } : { id: p.id, problems: p.problems }),
              );
            else if (p.result) for (const l of humanLines(p.result, p.id)) io.out(l);
            else
              io.out(`${p.id}: unreadable - ${p.problems.map((x) => `${x.field}: ${x.message}`).join("; ")}`);
          }
          for (const p of result.problems) io.err(`warning: ${p.message}`);
          return 0;
        }
        const r = await s.checks.check(actor, {
          ...(o.name ? { name: o.name } : {}),
          ...(o.dob ? { dateOfBirth: o.dob } : {}),
          ...(o.nationality ? { nationality: o.nationality } : {}),
          ...(o.sex ? { sex: o.sex } : {}),
          ...(o.document ? { documentNumber: o.document } : {}),
          ...(o.documentCountry ? { documentCountry: o.documentCountry } : {}),
          ...(o.documentType ? { documentType: o.documentType } : {}),
          ...(o.mrz ? { mrz: o.mrz } : {}),
          ...(o.location ? { location: o.location } : {}),
        });
        if (o.json) io.out(JSON.stringify(r));
        else for (const l of humanLines(r)) io.out(l);
        return 0;
      });
    });
}
