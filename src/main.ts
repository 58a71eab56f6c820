import { buildApp, type ServerRole } from "./app.ts";
import { bootstrap } from "./bootstrap.ts";
import { loadConfig } from "./config.ts";
import { startAuditCheckpoints } from "./features/audit/audit.checkpoint.ts";
import { formatDemoCredentials, seedDemo } from "./features/demo/demo.seed.ts";
import { importDemoUnList } from "./features/demo/demo.un-list.ts";
import { scheduleNoticeExpiry } from "./features/notices/notices.scheduler.ts";
import { scheduleReviewWarnings } from "./features/review/review.scheduler.ts";
import { createServices } from "./services.ts";

/** How often queued hits are sent to the owners' national systems. */
const WEBHOOK_EVERY_MS = 2000;

/**
 * config -> db -> migrate -> (demo seed) -> app -> listen. A screening node (`role` "screening")
 * serves only screening: no demo seed, no schedulers; it builds its watchlist at start-up, showing
 * progress, and follows the change feed.
 */
export async function serve(role: ServerRole = "all"): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const deps = await bootstrap(config);
  const services = createServices(deps);
  const main = role === "all";
  const creds = main && config.demo ? await seedDemo(deps, services) : null;
  const app = await buildApp(deps, { logger: true, services, role });
  const stops: (() => void)[] = [];
  if (main) {
    stops.push(scheduleNoticeExpiry(services.notices, app.log));
    stops.push(scheduleReviewWarnings(services.review, app.log));
  }
  const screening = services.screening;
  const logError = (e: unknown) => app.log.error(e);
  stops.push(screening.webhooks.start(WEBHOOK_EVERY_MS, logError));
  let stopCheckpoints = async () => {};
  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    for (const stop of stops) stop();
    await app.close();
    // The final signed checkpoint covers everything written until the server stopped.
    await stopCheckpoints();
    await deps.storage.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  if (!main) {
    await warmWatchlist(services, (line) => app.log.info(line));
    await warmBiometrics(services, (line) => app.log.info(line));
  }
  await app.listen({ port: config.port, host: config.host });
  if (main) stopCheckpoints = startAuditCheckpoints(deps, app.log);
  stops.push(screening.service.feed.startFollowing(logError));
  const url = `http://localhost:${config.port}`;
  if (creds) console.log(formatDemoCredentials(creds, url));
  const where = deps.storage.kind === "pglite" ? `the embedded database in ${config.dataDir}` : "PostgreSQL";
  console.log(
    `Fusion ${main ? "is serving" : "screening node is serving"} ${url} on ${where} (ready in ${Math.round(performance.now() - started)} ms)`,
  );
  if (main) {
    // After listening: the watchlist and the UN list import load in the background, never delaying readiness.
    void warmWatchlist(services, (line) => app.log.info(line))
      .then(() => warmBiometrics(services, (line) => app.log.info(line)))
      .catch(logError);
    if (config.demo) void importDemoUnList(services, app.log);
  }
}

/** Builds the screening watchlist from the database, logging progress per phase. */
async function warmWatchlist(services: ReturnType<typeof createServices>, log: (line: string) => void) {
  const t0 = performance.now();
  let lastLog = 0;
  const w = await services.screening.service.feed.warmUp((p) => {
    if (performance.now() - lastLog < 1000) return;
    lastLog = performance.now();
    log(`screening watchlist: ${p.loaded} ${p.phase} loaded`);
  });
  log(
    `screening watchlist ready: ${w.size} listed persons, ${w.documents.size} document numbers (${Math.round(performance.now() - t0)} ms)`,
  );
}

/** Loads the biometric galleries, so that the first search or border check does not wait for them. */
async function warmBiometrics(services: ReturnType<typeof createServices>, log: (line: string) => void) {
  const t0 = performance.now();
  const g = await services.biometricSearch.galleries.current();
  log(
    `biometric galleries ready: ${g.fingerprints.size} fingerprint and ${g.faces.size} face templates (${Math.round(performance.now() - t0)} ms)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  serve().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
