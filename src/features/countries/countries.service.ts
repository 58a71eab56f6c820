import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { gsRoles } from "../../shared/roles.ts";
import { inTransaction } from "../../storage/ambient.ts";
import { appendAudit } from "../audit/audit.append.ts";
import * as repo from "./countries.repo.ts";

export function createCountriesService({ db, clock }: Deps) {
  let names: Promise<Map<string, string>> | undefined;

  // Reference data, public to every logged-in caller: not audited.
  const list = () => repo.listCountries(db);

  async function nameOf(code: string): Promise<string> {
    names ??= list().then((rows) => new Map(rows.map((r) => [r.code, r.name])));
    return (await names).get(code) ?? code;
  }

  /**
   * The General Secretariat's view across members: how many records, notices and diffusions each
   * owns or sent and how many accounts it has. Counts only, no content - but it is a read across every bureau by oversight,
   * so it is audited (with the oversight flag) in the transaction that reads it.
   */
  async function overview(actor: Actor) {
    if (!gsRoles.includes(actor.role) || !actor.isSecretariat) {
      throw new AppError("forbidden", "The cross-country overview is for the General Secretariat.");
    }
    const [countries, records, users, notices, diffusions] = await inTransaction(db, async (trx) => {
      const read = [
        await repo.listCountries(trx),
        await repo.countRecordsByOwner(trx, actor),
        await repo.countUsersByCountry(trx),
        await repo.countNoticesByOwner(trx, actor),
        await repo.countDiffusionsBySender(trx, actor),
      ] as const;
      await appendAudit(trx, clock, actor, {
        action: "country.overview",
        detail: { oversight: true, countries: read[0].length },
      });
      return read;
    });
    const byCode = (rows: { code: string; n: number }[]) => new Map(rows.map((r) => [r.code, Number(r.n)]));
    const [rec, usr, ntc, dif] = [records, users, notices, diffusions].map(byCode) as Map<string, number>[];
    return countries.map((c) => ({
      code: c.code,
      name: c.name,
      kind: c.kind,
      records: rec?.get(c.code) ?? 0,
      users: usr?.get(c.code) ?? 0,
      notices: ntc?.get(c.code) ?? 0,
      diffusions: dif?.get(c.code) ?? 0,
    }));
  }

  return { list, nameOf, overview, resetCache: () => (names = undefined) };
}

export type CountriesService = ReturnType<typeof createCountriesService>;
