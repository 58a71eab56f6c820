import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Deps } from "../../deps.ts";
import type { Services } from "../../services.ts";
import { type Actor, systemActor } from "../../shared/actor.ts";
import { randomToken } from "../../shared/ids.ts";
import { newTotpSecret } from "../auth/credentials.ts";
import { seal } from "../auth/secret-box.ts";
import { seedDemoActivity } from "./demo.activity.ts";
import { seedDemoBiometrics } from "./demo.biometrics.ts";
import { demoClients, demoDocuments, demoPartners, demoRecords, demoUsers } from "./demo-data.ts";

export type DemoCredentials = {
  password: string;
  users: { username: string; role: string; country: string; totpSecret?: string }[];
  clients: { name: string; role: string; country: string; token: string }[];
};

const credentialsFile = (deps: Deps) => path.join(deps.config.dataDir, "demo-credentials.json");

/**
 * Seeds the demo once (skipped when the demo accounts exist) through the services, so the demo data is
 * audited like any other. The credentials are kept in the data directory so every start can print
 * them; they are demo-only and say so.
 */
export async function seedDemo(deps: Deps, services: Services): Promise<DemoCredentials | null> {
  const seeded = await deps.db
    .selectFrom("users")
    .select("id")
    .where("username", "=", demoUsers[0].username)
    .executeTakeFirst();
  if (seeded) return readDemoCredentials(deps);
  const system = systemActor("XG");
  const password = `demo-${randomToken(6)}`;
  const creds: DemoCredentials = { password, users: [], clients: [] };
  for (const u of demoUsers) {
    const { user } = await services.users.create(system, {
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      country: u.country,
      password,
    });
    let totpSecret: string | undefined;
    if ("totp" in u && u.totp) {
      totpSecret = newTotpSecret();
      await deps.db
        .updateTable("users")
        .set({ totp_secret: seal(deps.secretKey, totpSecret), totp_enabled: true })
        .where("id", "=", user.id)
        .execute();
    }
    creds.users.push({
      username: u.username,
      role: u.role,
      country: u.country,
      ...(totpSecret ? { totpSecret } : {}),
    });
  }
  const clientIds = new Map<string, string>();
  for (const c of demoClients) {
    const { client, token } = await services.clients.create(system, {
      name: c.name,
      role: c.role,
      country: c.country,
      scopes: [...c.scopes],
    });
    creds.clients.push({ name: c.name, role: c.role, country: c.country, token });
    clientIds.set(c.name, client.id);
  }
  for (const { client, ...p } of demoPartners)
    await services.partners.create(system, {
      ...p,
      clientId: client ? (clientIds.get(client) ?? null) : null,
    });
  const officerOf = async (country: string): Promise<Actor> => {
    const officer = await deps.db
      .selectFrom("users")
      .selectAll()
      .where("country", "=", country)
      .where("role", "=", "ncb_officer")
      .executeTakeFirstOrThrow();
    return {
      kind: "user",
      id: officer.id,
      username: officer.username,
      role: "ncb_officer",
      country,
      isSecretariat: false,
      scopes: [],
    };
  };
  // Persons by name, for the demo fingerprints enrolled on two of them.
  const persons = new Map<string, { id: string; owner: Actor }>();
  for (const r of demoRecords) {
    const owner = await officerOf(r.owner);
    const made = await services.records.create(owner, r.input);
    const name = r.input.properties.name?.[0];
    if (r.input.schema === "Person" && name) persons.set(name, { id: made.id, owner });
  }
  await seedDemoBiometrics(services, persons);
  for (const d of demoDocuments) await services.documents.create(await officerOf(d.owner), d.input);
  // Something on every role's dashboard, and a few notifications.
  await seedDemoActivity(deps, services);
  mkdirSync(deps.config.dataDir, { recursive: true });
  writeFileSync(credentialsFile(deps), JSON.stringify(creds, null, 2), { mode: 0o600 });
  return creds;
}

export function readDemoCredentials(deps: Deps): DemoCredentials | null {
  const file = credentialsFile(deps);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as DemoCredentials) : null;
}

export function formatDemoCredentials(c: DemoCredentials, url: string): string {
  const lines = [
    "================ DEMO CREDENTIALS (demo data only; never use in production) ================",
    `Web app: ${url}    API docs: ${url}/api/docs`,
    `Password for every demo account: ${c.password}`,
    ...c.users.map(
      (u) =>
        `  ${u.username.padEnd(12)} ${u.role.padEnd(16)} ${u.country}${u.totpSecret ? `   TOTP secret (base32): ${u.totpSecret}` : ""}`,
    ),
    "API clients (Authorization: Bearer <token>):",
    ...c.clients.map((k) => `  ${k.role.padEnd(16)} ${k.country}  ${k.name}: ${k.token}`),
    "=============================================================================================",
  ];
  return lines.join("\n");
}
