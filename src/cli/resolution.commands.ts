import cliProgress from "cli-progress";
import type { Command } from "commander";
import { judgementWords } from "../features/resolution/resolution.schema.ts";
import { type Actor, systemActor } from "../shared/actor.ts";
import { GENERAL_SECRETARIAT, isInternationalEntity, isMemberCountry } from "../storage/seed/countries.ts";
import type { CliIo, withServices } from "./context.ts";

type Run = (fn: Parameters<typeof withServices>[1]) => Promise<void>;

/**
 * The operator acting for a bureau (`--as CC`: its admin, who may judge) or, without `--as`, for the
 * Secretariat's analysts (every record, and the right to start a run).
 */
function actorAs(country: string | undefined): Actor | string {
  const cc = (country ?? GENERAL_SECRETARIAT).toUpperCase();
  if (!isMemberCountry(cc) && !isInternationalEntity(cc)) return `--as ${country}: not a member country code`;
  const gs = cc === GENERAL_SECRETARIAT;
  return { ...systemActor(cc), role: gs ? "gs_analyst" : "ncb_admin", isSecretariat: gs };
}

/** A progress bar on standard error when it is a terminal; a line per phase otherwise. */
function progressReporter(io: CliIo) {
  const tty = process.stderr.isTTY === true;
  const bar = tty
    ? new cliProgress.SingleBar(
        { format: "{phase} [{bar}] {value}/{total} {eta_formatted}", stream: process.stderr },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  let phase = "";
  return {
    update(p: { phase: string; done: number; total: number }) {
      if (p.phase !== phase) {
        phase = p.phase;
        if (bar) bar.start(p.total, p.done, { phase });
        else io.err(`${p.phase}...`);
      }
      bar?.setTotal(p.total);
      bar?.update(p.done, { phase });
    },
    stop: () => bar?.stop(),
  };
}

/** `fusion resolve suggest|judge|undo|export`: entity resolution from the command line. */
export function registerResolutionCommands(
  program: Command,
  io: CliIo,
  run: Run,
  setExit: (code: number) => void,
): void {
  const resolve = program
    .command("resolve")
    .description("entity resolution: duplicate persons and organisations");
  const withActor = (as: string | undefined, fn: (actor: Actor) => Parameters<Run>[0]) => {
    const actor = actorAs(as);
    if (typeof actor === "string") {
      io.err(`error: ${actor}`);
      return setExit(1);
    }
    return run(fn(actor));
  };

  resolve
    .command("suggest")
    .description(
      "compute duplicate suggestions over every record (replaces the previous ones), then list them",
    )
    .option("--as <country>", "list what this bureau may see (default: the Secretariat, every record)")
    .option("--limit <n>", "how many suggestions to print", "20")
    .option("--no-run", "only list the current suggestions")
    .action((o: { as?: string; limit: string; run: boolean }) =>
      withActor(o.as, (actor) => async ({ services }) => {
        if (o.run) {
          const progress = progressReporter(io);
          const r = await services.resolution.run(systemActor(GENERAL_SECRETARIAT), {
            onProgress: progress.update,
          });
          progress.stop();
          if (r.status !== "done") {
            io.err(`error: run ${r.id} ${r.status}: ${r.error ?? ""}`);
            return 1;
          }
          io.out(
            `run ${r.id}: ${r.subjects} records, ${r.pairsScored} pairs scored, ${r.candidates} suggestions`,
          );
        }
        const page = await services.resolution.listCandidates(actor, {
          page: 1,
          pageSize: Math.min(200, Math.max(1, Number(o.limit) || 20)),
          crossCountry: false,
        });
        for (const c of page.items)
          io.out(
            `${c.score.toFixed(3)}  ${c.left.id} ${c.left.owner} ${c.left.caption}  <>  ${c.right.id} ${c.right.owner} ${c.right.caption}`,
          );
        io.out(`${page.total} suggestion(s)`);
        return 0;
      }),
    );

  resolve
    .command("judge <left> <right> <judgement>")
    .description("judge a pair: same, different or unsure (positive, negative, unsure)")
    .option("--as <country>", "the judging bureau (default: the Secretariat's analysts)")
    .action((left: string, right: string, word: string, o: { as?: string }) =>
      withActor(o.as, (actor) => async ({ services }) => {
        const judgement = judgementWords[word.toLowerCase()];
        if (!judgement) {
          io.err(`error: judgement "${word}": expected same, different or unsure`);
          return 1;
        }
        const j = await services.resolution.judge(actor, { left, right, judgement });
        io.out(`judgement ${j.id}: ${j.judgement}${j.canonicalId ? ` (${j.canonicalId})` : ""}`);
        return 0;
      }),
    );

  resolve
    .command("undo <judgement-id>")
    .description("undo a judgement (kept in the history); undoing 'same' splits the merge")
    .option("--as <country>", "the bureau acting (default: the Secretariat's analysts)")
    .action((id: string, o: { as?: string }) =>
      withActor(o.as, (actor) => async ({ services }) => {
        const j = await services.resolution.undo(actor, id);
        io.out(`undone judgement ${j.id} (${j.judgement})`);
        return 0;
      }),
    );

  resolve
    .command("export")
    .description("the judgements you may see, in nomenklatura's resolver format, to standard output")
    .option("--as <country>", "export what this bureau may see (default: the Secretariat, every judgement)")
    .action((o: { as?: string }) =>
      withActor(o.as, (actor) => async ({ services }) => {
        for await (const line of services.resolution.exportJudgements(actor)) io.out(JSON.stringify(line));
        return 0;
      }),
    );
}
