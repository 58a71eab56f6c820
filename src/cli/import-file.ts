import { once } from "node:events";
import { createReadStream, createWriteStream, type ReadStream } from "node:fs";
import cliProgress from "cli-progress";
import type { Services } from "../services.ts";
import { type Actor, systemActor } from "../shared/actor.ts";
import type { BulkReport, Progress, Reject } from "../shared/bulk/bulk-import.ts";
import { GENERAL_SECRETARIAT, isInternationalEntity, isMemberCountry } from "../storage/seed/countries.ts";
import type { CliIo, withServices } from "./context.ts";

/*
 * What every `fusion import DATABASE FILE --as CC` shares: the acting country, the progress bar,
 * the rejects file and the report printed at the end.
 */

type Run = (fn: Parameters<typeof withServices>[1]) => Promise<void>;

/**
 * The operator acting for a country's bureau (`--as CC`): the country owns what it imports and sees
 * what that country sees. Without `--as`, the Secretariat (oversight, flagged in the audit).
 */
export function actingAs(country: string | undefined): Actor | string {
  if (!country) return { ...systemActor(GENERAL_SECRETARIAT), role: "gs_analyst" };
  const cc = country.toUpperCase();
  if (!isMemberCountry(cc) && !isInternationalEntity(cc)) return `--as ${country}: not a member country code`;
  return { ...systemActor(cc), role: "ncb_admin", isSecretariat: cc === GENERAL_SECRETARIAT };
}

/** What an import takes from the command: where rejects go and how progress is shown. */
export type EachRow = {
  totalBytes: number;
  onReject: (r: Reject) => Promise<void>;
  onProgress: (p: Progress) => void;
};

/**
 * Runs one import of `file` (already checked: it exists, `size` bytes): bad rows to the rejects
 * file (JSON Lines; FILE.rejects.jsonl by default), a progress bar on standard error, the counts
 * at the end.
 */
export async function runFileImport(
  io: CliIo,
  run: Run,
  o: {
    file: string;
    size: number;
    rejects: string | undefined;
    start: (services: Services, source: ReadStream, each: EachRow) => Promise<BulkReport>;
  },
): Promise<void> {
  const rejectsFile = o.rejects ?? `${o.file}.rejects.jsonl`;
  await run(async ({ services }) => {
    const rejects = createWriteStream(rejectsFile);
    const bar = progressBar(o.size);
    try {
      const r = await o.start(services, createReadStream(o.file), {
        totalBytes: o.size,
        onReject: async (x) => {
          if (!rejects.write(`${JSON.stringify(x)}\n`)) await once(rejects, "drain");
        },
        onProgress: (p) => bar.update(p),
      });
      bar.stop();
      io.out(
        `${r.rows} rows: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected} rejected`,
      );
      io.out(`${r.batches} batches in ${(r.ms / 1000).toFixed(1)} s`);
      if (r.rejected) io.out(`rejected rows (line, reason, row) in ${rejectsFile}`);
      return 0;
    } finally {
      bar.stop();
      rejects.end();
      await once(rejects, "close");
    }
  });
}

/** A progress bar on standard error (a terminal only): rows, rate and time left by bytes read. */
function progressBar(totalBytes: number) {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: "{bar} {percentage}% | {rows} rows | {rate} rows/s | {left} left",
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p: Progress) {
      const payload = {
        rows: p.rows,
        rate: Math.round(p.rowsPerSecond),
        left: p.etaSeconds === undefined ? "?" : `${Math.ceil(p.etaSeconds)} s`,
      };
      if (!started) bar.start(Math.max(totalBytes, 1), 0, payload);
      started = true;
      bar.update(p.bytes, payload);
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
