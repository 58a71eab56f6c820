import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import { dashboardSchema } from "./dashboard.schema.ts";
import type { DashboardService } from "./dashboard.service.ts";

export function registerDashboardRoutes(app: ZodApp, dashboard: DashboardService): void {
  app.get(
    "/api/v1/dashboard",
    {
      schema: {
        operationId: "getDashboard",
        tags: ["dashboard"],
        summary: "What needs you now, by role: counts and the longest-waiting items (audited)",
        response: { 200: dashboardSchema },
      },
    },
    async (req) => dashboard.get(actorOf(req)),
  );
}
