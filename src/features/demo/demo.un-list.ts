import path from "node:path";
import type { Services } from "../../services.ts";
import { systemActor } from "../../shared/actor.ts";
import { GENERAL_SECRETARIAT } from "../../storage/seed/countries.ts";
import type { UnImportReport } from "../notices/notices.un-import.ts";
import { readUnListFile, shippedUnList } from "../notices/un-list/read.ts";

const PROGRESS_EVERY = 100;

export type DemoLog = { info(msg: string): void; error(msg: string): void };

/**
 * The demo's real UN Special Notices, from the copy of the UN list shipped in reference/un/.
 *
 * Called without awaiting once the server listens, so readiness never waits for it. The importer
 * writes one entry per transaction, so requests interleave with it on the embedded database's single
 * connection, and yields to the event loop between entries. It logs progress every hundred entries
 * and never throws: a failure is logged and the demo runs on without the UN notices.
 * Returns the report, or null when skipped or failed.
 */
export async function importDemoUnList(
  services: Services,
  log: DemoLog,
  file = shippedUnList,
): Promise<UnImportReport | null> {
  const inside = file.startsWith(process.cwd() + path.sep);
  const shown = inside ? path.relative(process.cwd(), file) : file;
  try {
    // Imported on the first start only: any public UN notice means an earlier start did it. The
    // operator refreshes the list with `fusion import un-list`.
    const existing = await services.notices.publicList("un/persons", { page: 1, resultPerPage: 1 });
    if (existing.total > 0) {
      log.info(`UN Special Notices: already imported (${existing.total} persons); not importing ${shown}`);
      return null;
    }
    log.info(`UN Special Notices: importing ${shown} in the background`);
    const xml = await readUnListFile(file);
    const r = await services.notices.importUnList(systemActor(GENERAL_SECRETARIAT), xml, {
      onProgress: (done, total) => {
        if (done % PROGRESS_EVERY === 0) log.info(`UN Special Notices: ${done} of ${total} entries`);
      },
    });
    log.info(
      `UN Special Notices: list of ${r.generatedAt} imported in ${(r.ms / 1000).toFixed(1)} s: created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, ended ${r.ended}`,
    );
    return r;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    log.error(
      `UN Special Notices: import of ${shown} failed: ${why}; retry with: fusion import un-list ${shown}`,
    );
    return null;
  }
}
