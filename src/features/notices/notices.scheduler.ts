import type { FastifyBaseLogger } from "fastify";
import { systemActor } from "../../shared/actor.ts";
import { GENERAL_SECRETARIAT } from "../../storage/seed/countries.ts";
import type { NoticesService } from "./notices.service.ts";

const HOUR_MS = 3_600_000;

/**
 * Runs notice expiry and owner reminders inside the server, at start and then every hour, so no
 * external cron is needed (`fusion notices expire` does the same by hand). The job is idempotent:
 * several servers may run it; expiry locks the rows it changes and a reminder is written once per
 * validity period.
 */
export function scheduleNoticeExpiry(notices: NoticesService, log: FastifyBaseLogger, everyMs = HOUR_MS) {
  const operator = systemActor(GENERAL_SECRETARIAT);
  const tick = async () => {
    try {
      const r = await notices.expireDue(operator);
      if (r.expired.length || r.dueSoon.length) {
        log.info({ expired: r.expired.length, dueSoon: r.dueSoon.length }, "notice expiry run");
      }
    } catch (err) {
      log.error({ err }, "notice expiry run failed; will retry at the next interval");
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
