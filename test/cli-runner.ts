import { buildProgram } from "../src/cli/program.ts";

/**
 * Runs the `fusion` CLI in-process with the given environment and returns its exit code and what
 * it printed, so CLI tests read like a shell session without the cost of a process per command.
 */
export async function runFusion(env: NodeJS.ProcessEnv, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  let code = 0;
  const program = buildProgram({ out: (l) => out.push(l), err: (l) => err.push(l) }, (c) => (code = c), env);
  try {
    await program.parseAsync(["node", "fusion", ...args]);
  } catch (e) {
    code = (e as { exitCode?: number }).exitCode ?? 1;
  }
  return { code, out: out.join("\n"), err: err.join("\n") };
}
