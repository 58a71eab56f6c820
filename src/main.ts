import { buildApp } from "./app.ts";
import { bootstrap } from "./bootstrap.ts";
import { loadConfig } from "./config.ts";
import { startAuditCheckpoints } from "./features/audit/audit.checkpoint.ts";
import { formatDemoCredentials, seedDemo } from "./features/demo/demo.seed.ts";
import { importDemoUnList } from "./features/demo/demo.un-list.ts";
import { scheduleNoticeExpiry } from "./features/notices/notices.scheduler.ts";
import { scheduleReviewWarnings } from "./features/review/review.scheduler.ts";
import { createServices } from "./services.ts";

/** config -> db -> migrate -> (demo seed) -> app -> listen */
export async function serve(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const deps = await bootstrap(config);
  const services = createServices(deps);
  const creds = config.demo ? await seedDemo(deps, services) : null;
  const app = await buildApp(deps, { logger: true, services });
  const stopExpiry = scheduleNoticeExpiry(services.notices, app.log);
  const stopReviewWarnings = scheduleReviewWarnings(services.review, app.log);
  let stopCheckpoints = async () => {};
  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    stopExpiry();
    stopReviewWarnings();
    await app.close();
    // The final signed checkpoint covers everything written until the server stopped.
    await stopCheckpoints();
    await deps.storage.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  await app.listen({ port: config.port, host: config.host });
  stopCheckpoints = startAuditCheckpoints(deps, app.log);
  const url = `http://localhost:${config.port}`;
  if (creds) console.log(formatDemoCredentials(creds, url));
  console.log(
    `Fusion is serving ${url} on ${deps.storage.kind === "pglite" ? `the embedded database in ${config.dataDir}` : "PostgreSQL"} (ready in ${Math.round(performance.now() - started)} ms)`,
  );
  // After listening: the UN list import runs in the background and never delays readiness.
  if (config.demo) void importDemoUnList(services, app.log);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  serve().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
