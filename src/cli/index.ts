import { CommanderError } from "commander";
import { processIo } from "./context.ts";
import { buildProgram } from "./program.ts";

const program = buildProgram(processIo, (code) => {
  process.exitCode = code;
});
try {
  await program.parseAsync(process.argv);
} catch (e) {
  // Commander reports --help and usage errors by throwing once exitOverride is on.
  if (e instanceof CommanderError) process.exitCode = e.exitCode;
  else throw e;
}
