import type { FastifyBaseLogger } from "fastify";
import { systemActor } from "../../shared/actor.ts";
import { GENERAL_SECRETARIAT } from "../../storage/seed/countries.ts";
import type { ReviewService } from "./review.service.ts";

const HOUR_MS = 3_600_000;

/**
 * Warns owners ahead of their review dates from inside the server: at start and then every hour,
 * the first run of each (UTC) day writes one audit row per owner country with records due or
 * overdue; later runs that day write nothing. Several servers may run it: the day is summarised
 * once (review.service.ts warnDaily).
 */
export function scheduleReviewWarnings(review: ReviewService, log: FastifyBaseLogger, everyMs = HOUR_MS) {
  const operator = systemActor(GENERAL_SECRETARIAT);
  const tick = async () => {
    try {
      const r = await review.warnDaily(operator);
      if (r.written) log.info({ countries: r.written }, "review warnings written");
    } catch (err) {
      log.error({ err }, "review warning run failed; will retry at the next interval");
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
