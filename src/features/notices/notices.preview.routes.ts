import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import { catalogueSchema, previewBody, previewSchema } from "./notices.preview.ts";
import type { NoticesService } from "./notices.service.ts";

export function registerNoticePreviewRoutes(app: ZodApp, notices: NoticesService): void {
  app.get(
    "/api/v1/notices/catalogue",
    {
      schema: {
        operationId: "getNoticeCatalogue",
        tags: ["notices"],
        summary: "Notice types with their purpose, action to be taken and required fields",
        response: { 200: catalogueSchema },
      },
    },
    async () => notices.catalogue(),
  );

  app.post(
    "/api/v1/notices/compliance-preview",
    {
      schema: {
        operationId: "previewNoticeCompliance",
        tags: ["notices"],
        summary: "Run the compliance checks on an unsaved request (live feedback while drafting)",
        body: previewBody,
        response: { 200: previewSchema },
      },
    },
    async (req) => notices.previewCompliance(actorOf(req), req.body),
  );
}
