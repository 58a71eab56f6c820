import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { gsRoles } from "../../shared/roles.ts";

export function createCountriesService({ db }: Deps) {
  let names: Promise<Map<string, string>> | undefined;

  const list = () => db.selectFrom("countries").selectAll().orderBy("name").execute();

  async function nameOf(code: string): Promise<string> {
    names ??= list().then((rows) => new Map(rows.map((r) => [r.code, r.name])));
    return (await names).get(code) ?? code;
  }

  /**
   * The General Secretariat's view across members: how many records each owns and how many
   * accounts it has. Counts only, no content, so it is not a read of any file.
   */
  async function overview(actor: Actor) {
    if (!gsRoles.includes(actor.role) || !actor.isSecretariat) {
      throw new AppError("forbidden", "The cross-country overview is for the General Secretariat.");
    }
    const [countries, records, users] = await Promise.all([
      list(),
      db
        .selectFrom("records")
        .select(["owner as code", (eb) => eb.fn.countAll<number>().as("n")])
        .groupBy("owner")
        .execute(),
      db
        .selectFrom("users")
        .select(["country as code", (eb) => eb.fn.countAll<number>().as("n")])
        .groupBy("country")
        .execute(),
    ]);
    const rec = new Map(records.map((r) => [r.code, Number(r.n)]));
    const usr = new Map(users.map((r) => [r.code, Number(r.n)]));
    return countries.map((c) => ({
      code: c.code,
      name: c.name,
      kind: c.kind,
      records: rec.get(c.code) ?? 0,
      users: usr.get(c.code) ?? 0,
    }));
  }

  return { list, nameOf, overview, resetCache: () => (names = undefined) };
}

export type CountriesService = ReturnType<typeof createCountriesService>;
