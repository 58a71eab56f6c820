import { Command, InvalidArgumentError } from "commander";
import { systemActor } from "../shared/actor.ts";
import { clientRoles, roles } from "../shared/roles.ts";
import { GENERAL_SECRETARIAT } from "../storage/seed/countries.ts";
import { registerAdminCommands } from "./admin.commands.ts";
import { registerBiometricsCommands } from "./biometrics.commands.ts";
import { registerContentCommands } from "./content.commands.ts";
import { type CliIo, withServices } from "./context.ts";
import { registerDatabasesCommands } from "./databases.commands.ts";
import { registerNoticesCommands } from "./notices.commands.ts";
import { registerObjectsCommands } from "./objects.commands.ts";
import { registerResolutionCommands } from "./resolution.commands.ts";
import { registerReviewCommands } from "./review.commands.ts";
import { registerScreeningCommands } from "./screening.commands.ts";

const oneOf = (allowed: readonly string[]) => (v: string) => {
  if (!allowed.includes(v)) throw new InvalidArgumentError(`expected one of: ${allowed.join(", ")}`);
  return v;
};

/**
 * The `fusion` command. Every sub-command calls the same services as the API, acting as the
 * platform operator (a system actor of the General Secretariat), and is audited like the API.
 * `setExit` receives the exit code so tests can run commands in-process.
 */
export function buildProgram(
  io: CliIo,
  setExit: (code: number) => void,
  env: NodeJS.ProcessEnv = process.env,
): Command {
  const program = new Command("fusion")
    .description("Fusion: international police cooperation against terrorism")
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .exitOverride();
  const run = (fn: Parameters<typeof withServices>[1]) => withServices(io, fn, env).then(setExit);
  const operator = () => systemActor(GENERAL_SECRETARIAT);

  registerAdminCommands(program, io, run, env);
  registerNoticesCommands(program, io, run, setExit);
  registerContentCommands(program, io, run, setExit);
  registerObjectsCommands(program, io, run, setExit);
  registerDatabasesCommands(program, io, run, setExit);
  registerReviewCommands(program, io, run, setExit);
  registerResolutionCommands(program, io, run, setExit);
  registerScreeningCommands(program, io, run, setExit);
  registerBiometricsCommands(program, io, run, setExit);

  const users = program.command("users").description("manage accounts");
  users
    .command("create")
    .description("create an account (prints a TOTP secret for roles that require one outside demo mode)")
    .requiredOption("--username <name>")
    .requiredOption("--role <role>", `one of ${roles.join(", ")}`, oneOf(roles))
    .requiredOption("--country <code>", "ISO 3166-1 alpha-2 code, or XG for the General Secretariat")
    .requiredOption("--password <password>", "at least 12 characters")
    .option("--display-name <name>")
    .action((o) =>
      run(async ({ services }) => {
        const r = await services.users.create(operator(), {
          username: o.username,
          role: o.role,
          country: o.country,
          password: o.password,
          displayName: o.displayName ?? o.username,
        });
        io.out(`created ${r.user.username} (${r.user.role}, ${r.user.country}) id ${r.user.id}`);
        if (r.totp)
          io.out(
            `TOTP secret (give it to the user out of band, shown once): ${r.totp.secret}\n${r.totp.otpauthUrl}`,
          );
        return 0;
      }),
    );
  users
    .command("list")
    .description("list accounts")
    .action(() =>
      run(async ({ services }) => {
        for (const u of await services.users.list(operator())) {
          io.out(
            `${u.username.padEnd(20)} ${u.role.padEnd(16)} ${u.country} ${u.disabled ? "disabled" : "active"}${u.totpEnabled ? " totp" : ""}`,
          );
        }
        return 0;
      }),
    );
  users
    .command("disable <username>")
    .description("disable an account and end its sessions")
    .action((username: string) =>
      run(async ({ services }) => {
        await services.users.disable(operator(), username);
        io.out(`disabled ${username}`);
        return 0;
      }),
    );
  users
    .command("reset-totp <username>")
    .description("issue a new TOTP secret (shown once) and end the account's sessions")
    .action((username: string) =>
      run(async ({ services }) => {
        const t = await services.users.resetTotp(operator(), username);
        io.out(`new TOTP secret for ${username} (shown once): ${t.secret}\n${t.otpauthUrl}`);
        return 0;
      }),
    );

  const clients = program
    .command("clients")
    .description("manage API clients (border systems, carriers, platforms)");
  clients
    .command("create")
    .description("create an API client and print its token once")
    .requiredOption("--name <name>")
    .requiredOption("--role <role>", `one of ${clientRoles.join(", ")}`, oneOf(clientRoles))
    .requiredOption("--country <code>")
    .requiredOption("--scopes <scopes>", "comma-separated, e.g. screening:check,documents:check")
    .action((o) =>
      run(async ({ services }) => {
        const r = await services.clients.create(operator(), {
          name: o.name,
          role: o.role,
          country: o.country,
          scopes: String(o.scopes)
            .split(",")
            .map((s) => s.trim()) as never,
        });
        io.out(`created client ${r.client.id} (${r.client.role}, ${r.client.country})`);
        io.out(`token (shown once, store it now): ${r.token}`);
        return 0;
      }),
    );
  clients
    .command("revoke <id>")
    .description("revoke an API client")
    .action((id: string) =>
      run(async ({ services }) => {
        await services.clients.revoke(operator(), id);
        io.out(`revoked ${id}`);
        return 0;
      }),
    );

  return program;
}
