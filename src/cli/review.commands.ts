import type { Command } from "commander";
import type { ReviewReport } from "../features/review/review.schema.ts";
import { type Actor, systemActor } from "../shared/actor.ts";
import { GENERAL_SECRETARIAT, isInternationalEntity, isMemberCountry } from "../storage/seed/countries.ts";
import type { CliIo, withServices } from "./context.ts";

type Run = (fn: Parameters<typeof withServices>[1]) => Promise<void>;

/** The operator as a country's bureau (`--as CC`), or as the Secretariat's reviewers (every country). */
function readerAs(country: string | undefined): Actor | string {
  const cc = (country ?? GENERAL_SECRETARIAT).toUpperCase();
  if (!isMemberCountry(cc) && !isInternationalEntity(cc)) return `--as ${country}: not a member country code`;
  const gs = cc === GENERAL_SECRETARIAT;
  return { ...systemActor(cc), role: gs ? "gs_reviewer" : "ncb_admin", isSecretariat: gs };
}

/** A report as a small table: one line per record type. */
export function formatReport(r: ReviewReport): string[] {
  const lines = [
    `${r.country}: review as of ${r.asOf}, due by ${r.dueBy}`,
    `${"type".padEnd(16)} ${"overdue".padStart(7)} ${"due".padStart(7)} ${"later".padStart(7)}`,
  ];
  for (const t of r.types)
    lines.push(
      `${t.type.padEnd(16)} ${String(t.overdue).padStart(7)} ${String(t.due).padStart(7)} ${String(t.later).padStart(7)}`,
    );
  return lines;
}

/** `fusion review report [--as CC]`: what falls due, per bureau (every bureau without `--as`). */
export function registerReviewCommands(
  program: Command,
  io: CliIo,
  run: Run,
  setExit: (code: number) => void,
): void {
  const review = program.command("review").description("retention review: what owners must re-validate");
  review
    .command("report")
    .description("per record type: overdue, due within the warning window, later")
    .option("--as <country>", "one bureau's report (default: every country, as the Secretariat)")
    .action(async (o: { as?: string }) => {
      const actor = readerAs(o.as);
      if (typeof actor === "string") {
        io.err(`error: ${actor}`);
        return setExit(1);
      }
      await run(async ({ services }) => {
        const reports = o.as
          ? [await services.review.report(actor, actor.country)]
          : await services.review.reportAll(actor);
        for (const r of reports) for (const line of formatReport(r)) io.out(line);
        return 0;
      });
    });
}
