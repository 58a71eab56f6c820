import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import {
  duePageSchema,
  listDueQuery,
  reportQuery,
  reportSchema,
  revalidatedSchema,
  revalidateSchema,
} from "./review.schema.ts";
import type { ReviewService } from "./review.service.ts";

const tags = ["review"];

export function registerReviewRoutes(app: ZodApp, review: ReviewService): void {
  app.get(
    "/api/v1/review/due",
    {
      schema: {
        operationId: "listReviewDue",
        tags,
        summary:
          "Your country's records due for re-validation or overdue, across record types (the Secretariat: any country, as oversight)",
        querystring: listDueQuery,
        response: { 200: duePageSchema },
      },
    },
    async (req) => review.listDue(actorOf(req), req.query),
  );

  app.post(
    "/api/v1/review/revalidate",
    {
      schema: {
        operationId: "revalidateRecord",
        tags,
        summary:
          "Re-validate one of your country's records: its review date moves forward by its type's period",
        body: revalidateSchema,
        response: { 200: revalidatedSchema },
      },
    },
    async (req) => review.revalidate(actorOf(req), req.body),
  );

  app.get(
    "/api/v1/review/report",
    {
      schema: {
        operationId: "getReviewReport",
        tags,
        summary:
          "A bureau's review report: per record type, how many are overdue, due within the window, later",
        querystring: reportQuery,
        response: { 200: reportSchema },
      },
    },
    async (req) => review.report(actorOf(req), req.query.country),
  );
}
