import type { z } from "zod";
import type { Deps } from "../../deps.ts";
import { appendAudit } from "../../features/audit/audit.append.ts";
import { inTransaction } from "../../storage/ambient.ts";
import type { EnvelopeColumns } from "../../storage/schema.ts";
import type { Actor } from "../actor.ts";
import type { Envelope, EnvelopeValues } from "../envelope/envelope.schema.ts";
import { defaultReviewAt, envelopeColumns } from "../envelope/envelope.sql.ts";
import { canEdit, isOversightRead, oversightOf } from "../envelope/visibility.ts";
import { AppError } from "../errors.ts";
import { isUuid } from "../ids.ts";
import { type ExportFormat, type ExportShape, exportLines } from "../objects.ts";
import { parseOrThrow } from "../validate.ts";
import type { ObjectRow } from "./objects.repo.ts";

/*
 * The service shape the object databases share: enter, change (owner only), open, search and
 * export, each audited in the same transaction, reads with the oversight flag. A feature supplies
 * its schemas, its columns and how its search values are normalised.
 */

type Page = { page: number; pageSize: number };
type Data<I> = Omit<I, keyof EnvelopeColumns | "created_by" | "created_at" | "updated_at">;
type Db = Deps["db"];
type Viewer = Pick<Actor, "country" | "isSecretariat">;

/** What the service needs of the feature's repo (`objectRepo` builds it). */
export type ObjectRepoOf<R, V, F, I, Up> = {
  toView: (row: R) => V;
  duplicate: string;
  insert: (db: Db, values: I) => Promise<R | undefined>;
  update: (db: Db, id: string, values: Up) => Promise<R>;
  recordChange: (db: Db, id: string, at: Date) => Promise<unknown>;
  findVisible: (db: Db, viewer: Viewer, id: string, lock?: boolean) => Promise<R | undefined>;
  listVisible: (db: Db, viewer: Viewer, q: F & Page) => Promise<{ rows: R[]; total: number }>;
  exportVisible: (db: Db, viewer: Viewer, q: F) => AsyncGenerator<R>;
};

export type ObjectServiceSpec<
  R extends ObjectRow,
  I,
  Up,
  V extends { envelope: Envelope },
  F extends object,
  C extends z.ZodType<{ envelope: EnvelopeValues }>,
  U extends z.ZodType<{ envelope?: EnvelopeValues }>,
> = {
  /** The object in the singular, as audit actions, record types and messages name it. */
  kind: string;
  /** The objects in the plural, as refusals name them. */
  plural: string;
  policy: { read: (a: Actor) => boolean; write: (a: Actor) => boolean };
  repo: ObjectRepoOf<R, V, F, I, Up>;
  reviewYears: number;
  createSchema: C;
  updateSchema: U;
  /** The data columns of a new object (the envelope, author and times are added here). */
  insertColumns: (v: z.output<C>) => Data<I>;
  /** The data columns a change sets (the envelope and time are added here). */
  updateColumns: (v: z.output<U>) => Up;
  /** The search values in their stored form. */
  normalize: <Q extends F>(q: Q) => Q;
  /** The item in CSV (columns and row) and as an FtM entity. */
  exports: ExportShape<V>;
};

export function createObjectService<
  R extends ObjectRow,
  I,
  Up,
  V extends { envelope: Envelope },
  F extends object,
  C extends z.ZodType<{ envelope: EnvelopeValues }>,
  U extends z.ZodType<{ envelope?: EnvelopeValues }>,
>({ db, clock }: Pick<Deps, "db" | "clock">, s: ObjectServiceSpec<R, I, Up, V, F, C, U>) {
  const { kind, repo } = s;
  const notFound = () => new AppError("not_found", `No such ${kind}.`);
  function ensure(allowed: boolean, what: string): void {
    if (!allowed) throw new AppError("forbidden", `Your role may not ${what} ${s.plural}.`);
  }

  async function create(actor: Actor, input: z.input<C>): Promise<V> {
    ensure(s.policy.write(actor), "enter");
    const v = parseOrThrow(s.createSchema, input, kind);
    const now = clock.now();
    return inTransaction(db, async (trx) => {
      const row = await repo.insert(trx, {
        ...s.insertColumns(v),
        ...envelopeColumns(actor.country, v.envelope, defaultReviewAt(now, s.reviewYears)),
        created_by: actor.kind === "user" ? actor.id : null,
        created_at: now,
        updated_at: now,
      } as unknown as I);
      if (!row) throw new AppError("conflict", repo.duplicate);
      await repo.recordChange(trx, row.id, now);
      await appendAudit(trx, clock, actor, { action: `${kind}.create`, recordType: kind, recordId: row.id });
      return repo.toView(row);
    });
  }

  /** Only the owner changes an object; another country that sees it gets 403, one that does not 404. */
  async function update(actor: Actor, id: string, input: z.input<U>): Promise<V> {
    ensure(s.policy.write(actor), "change");
    const v = parseOrThrow(s.updateSchema, input, kind);
    if (!isUuid(id)) throw notFound();
    const now = clock.now();
    return inTransaction(db, async (trx) => {
      const current = await repo.findVisible(trx, actor, id, true);
      if (!current) throw notFound();
      if (!canEdit(current, actor))
        throw new AppError("forbidden", `Only the owner of a ${kind} may change it.`);
      const row = await repo.update(trx, id, {
        ...s.updateColumns(v),
        ...(v.envelope && envelopeColumns(current.owner, v.envelope, current.review_at)),
        updated_at: now,
      } as Up);
      await repo.recordChange(trx, id, now);
      await appendAudit(trx, clock, actor, {
        action: `${kind}.update`,
        recordType: kind,
        recordId: id,
        detail: { changed: Object.keys(v).sort() },
      });
      return repo.toView(row);
    });
  }

  async function get(actor: Actor, id: string): Promise<V> {
    ensure(s.policy.read(actor), "read");
    if (!isUuid(id)) throw notFound();
    return inTransaction(db, async (trx) => {
      const row = await repo.findVisible(trx, actor, id);
      if (!row) throw notFound();
      const view = repo.toView(row);
      await appendAudit(trx, clock, actor, {
        action: `${kind}.read`,
        recordType: kind,
        recordId: id,
        detail: { owner: row.owner, oversight: isOversightRead(view.envelope, actor) },
      });
      return view;
    });
  }

  async function list(actor: Actor, q: F & Page) {
    ensure(s.policy.read(actor), "search");
    const query = s.normalize(q);
    return inTransaction(db, async (trx) => {
      const { rows, total } = await repo.listVisible(trx, actor, query);
      await appendAudit(trx, clock, actor, {
        action: `${kind}.search`,
        detail: { ...query, returned: rows.length, total, ...oversightOf(rows, actor) },
      });
      return { items: rows.map(repo.toView), total, page: q.page, pageSize: q.pageSize };
    });
  }

  /** Every visible object, as JSON lines, CSV or FtM entities. The export is audited before the first byte leaves. */
  async function* exportAll(actor: Actor, q: F, format: ExportFormat) {
    ensure(s.policy.read(actor), "export");
    const query = s.normalize(q);
    await inTransaction(db, (trx) =>
      appendAudit(trx, clock, actor, { action: `${kind}.export`, detail: { ...query, format } }),
    );
    async function* views() {
      for await (const row of repo.exportVisible(db, actor, query)) yield repo.toView(row);
    }
    yield* exportLines(views(), format, s.exports);
  }

  return { create, update, get, list, exportAll };
}
