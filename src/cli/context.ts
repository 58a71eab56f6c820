import { bootstrap } from "../bootstrap.ts";
import { type Config, loadConfig } from "../config.ts";
import type { Deps } from "../deps.ts";
import { createServices, type Services } from "../services.ts";
import { isAppError } from "../shared/errors.ts";

export type CliIo = { out: (line: string) => void; err: (line: string) => void };
export const processIo: CliIo = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
};

/**
 * Opens storage, runs the command with the services, and always closes storage. Errors become a
 * one-line message and a non-zero exit code, never a stack trace for a known error.
 */
export async function withServices(
  io: CliIo,
  fn: (ctx: { deps: Deps; services: Services; config: Config }) => Promise<number | undefined>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let deps: Deps | undefined;
  try {
    const config = loadConfig(env);
    deps = await bootstrap(config);
    return (await fn({ deps, services: createServices(deps), config })) ?? 0;
  } catch (e) {
    if (isAppError(e)) {
      io.err(`error (${e.code}): ${e.message}`);
      const errors = e.details?.errors;
      if (Array.isArray(errors))
        for (const x of errors as { path: string; message: string }[]) io.err(`  ${x.path}: ${x.message}`);
      return 1;
    }
    io.err(`error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    await deps?.storage.close();
  }
}
