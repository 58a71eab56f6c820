import type { Command } from "commander";
import { type Actor, systemActor } from "../shared/actor.ts";
import { GENERAL_SECRETARIAT, isInternationalEntity, isMemberCountry } from "../storage/seed/countries.ts";
import type { CliIo, withServices } from "./context.ts";

type Run = (fn: Parameters<typeof withServices>[1]) => Promise<void>;
type Services = Parameters<Parameters<typeof withServices>[1]>[0]["services"];

/**
 * The operator reading as a country's bureau (`--as CC`): it sees what that country sees. Without
 * `--as`, as the Secretariat's analysts do (everything; the audit flags it as oversight).
 */
export function readerAs(country: string | undefined): Actor | string {
  const cc = (country ?? GENERAL_SECRETARIAT).toUpperCase();
  if (!isMemberCountry(cc) && !isInternationalEntity(cc)) return `--as ${country}: not a member country code`;
  const gs = cc === GENERAL_SECRETARIAT;
  return { ...systemActor(cc), role: gs ? "gs_analyst" : "ncb_admin", isSecretariat: gs };
}

/** The `export` command, made by whichever database registers first. */
export const exportCommandOf = (program: Command): Command =>
  program.commands.find((c) => c.name() === "export") ??
  program.command("export").description("export police databases to standard output");

export type ExportSpec<F extends string> = {
  name: string;
  description: string;
  formats: readonly F[];
  defaultFormat: F;
  lines: (services: Services, actor: Actor, format: F) => AsyncIterable<string>;
};

/** `fusion export NAME [--format F] [--as CC]`: what the acting country may see, to standard output. */
export function registerExport<F extends string>(
  exportCmd: Command,
  io: CliIo,
  run: Run,
  setExit: (code: number) => void,
  spec: ExportSpec<F>,
): void {
  exportCmd
    .command(spec.name)
    .description(spec.description)
    .option("--format <format>", spec.formats.join(", "), spec.defaultFormat)
    .option("--as <country>", "see what this country sees (default: the Secretariat, audited as oversight)")
    .action(async (o: { format: string; as?: string }) => {
      const actor = readerAs(o.as);
      const format = spec.formats.find((f) => f === o.format);
      if (typeof actor === "string" || !format) {
        const expected = `expected ${spec.formats.slice(0, -1).join(", ")} or ${spec.formats.at(-1)}`;
        io.err(`error: ${typeof actor === "string" ? actor : `--format ${o.format}: ${expected}`}`);
        return setExit(1);
      }
      await run(async ({ services }) => {
        for await (const line of spec.lines(services, actor, format)) io.out(line.replace(/\n$/, ""));
        return 0;
      });
    });
}
