import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import {
  addendumBody,
  createNoticeSchema,
  listNoticesQuery,
  noticeEventSchema,
  noticePageSchema,
  noticeSchema,
  optionalReasonsBody,
  reasonsBody,
  reviewQueueQuery,
  suspendBody,
  updateNoticeSchema,
} from "./notices.schema.ts";
import type { NoticesService } from "./notices.service.ts";
import type { NoticeAction } from "./rules/lifecycle.ts";

const idParams = z.object({ id: z.string().max(100) });

/** The state-machine actions exposed as POST /api/v1/notices/:id/<path>, with their bodies. */
const actions: Array<{
  path: string;
  action: NoticeAction;
  operationId: string;
  body: z.ZodType;
  summary: string;
}> = [
  {
    path: "submit",
    action: "submit",
    operationId: "submitNotice",
    body: optionalReasonsBody,
    summary: "Submit a draft for review (runs compliance; owner)",
  },
  {
    path: "start-review",
    action: "start_review",
    operationId: "startNoticeReview",
    body: optionalReasonsBody,
    summary: "Take a submitted request into review (General Secretariat)",
  },
  {
    path: "publish",
    action: "publish",
    operationId: "publishNotice",
    body: optionalReasonsBody,
    summary: "Publish a reviewed request (General Secretariat)",
  },
  {
    path: "refuse",
    action: "refuse",
    operationId: "refuseNotice",
    body: reasonsBody,
    summary: "Refuse a request with reasons (General Secretariat)",
  },
  {
    path: "return",
    action: "return_to_owner",
    operationId: "returnNotice",
    body: reasonsBody,
    summary: "Return a request to its owner asking for documents (General Secretariat)",
  },
  {
    path: "addenda",
    action: "add_addendum",
    operationId: "addNoticeAddendum",
    body: addendumBody,
    summary: "Add an addendum to a published notice",
  },
  {
    path: "suspend",
    action: "suspend",
    operationId: "suspendNotice",
    body: suspendBody,
    summary: "Suspend a published notice (owner: at most six months)",
  },
  {
    path: "resume",
    action: "resume",
    operationId: "resumeNotice",
    body: optionalReasonsBody,
    summary: "Lift a suspension",
  },
  {
    path: "withdraw",
    action: "withdraw",
    operationId: "withdrawNotice",
    body: optionalReasonsBody,
    summary: "Withdraw a notice or request (owner)",
  },
  {
    path: "cancel",
    action: "cancel",
    operationId: "cancelNotice",
    body: reasonsBody,
    summary: "Cancel a notice with reasons (General Secretariat)",
  },
  {
    path: "renew",
    action: "renew",
    operationId: "renewNotice",
    body: reasonsBody,
    summary: "Extend a notice's validity, with recorded reasons (owner)",
  },
];

export function registerNoticesRoutes(app: ZodApp, notices: NoticesService): void {
  app.get(
    "/api/v1/notices",
    {
      schema: {
        operationId: "listNotices",
        tags: ["notices"],
        summary:
          "List the notices you may see (your own, published ones distributed to you; GS: all submitted)",
        querystring: listNoticesQuery,
        response: { 200: noticePageSchema },
      },
    },
    async (req) => notices.list(actorOf(req), req.query),
  );

  app.get(
    "/api/v1/notices/review-queue",
    {
      schema: {
        operationId: "listNoticeReviewQueue",
        tags: ["notices"],
        summary: "Requests awaiting review, highest risk score first (General Secretariat reviewers)",
        querystring: reviewQueueQuery,
        response: { 200: noticePageSchema },
      },
    },
    async (req) => notices.reviewQueue(actorOf(req), req.query.page, req.query.pageSize),
  );

  app.get(
    "/api/v1/notices/:id",
    {
      schema: {
        operationId: "getNotice",
        tags: ["notices"],
        summary: "Open a notice (audited)",
        params: idParams,
        response: { 200: noticeSchema },
      },
    },
    async (req) => notices.get(actorOf(req), req.params.id),
  );

  app.get(
    "/api/v1/notices/:id/history",
    {
      schema: {
        operationId: "getNoticeHistory",
        tags: ["notices"],
        summary: "Every state change of a notice: who, when, what and why",
        params: idParams,
        response: { 200: z.object({ items: z.array(noticeEventSchema) }) },
      },
    },
    async (req) => ({ items: await notices.history(actorOf(req), req.params.id) }),
  );

  app.post(
    "/api/v1/notices",
    {
      schema: {
        operationId: "createNotice",
        tags: ["notices"],
        summary: "Create a notice request as a draft (the subject becomes a record your country owns)",
        body: createNoticeSchema,
        response: { 201: noticeSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await notices.create(actorOf(req), req.body)),
  );

  app.patch(
    "/api/v1/notices/:id",
    {
      schema: {
        operationId: "updateNotice",
        tags: ["notices"],
        summary: "Change a draft (owner only)",
        params: idParams,
        body: updateNoticeSchema,
        response: { 200: noticeSchema },
      },
    },
    async (req) => notices.update(actorOf(req), req.params.id, req.body),
  );

  for (const a of actions) {
    app.post(
      `/api/v1/notices/:id/${a.path}`,
      {
        schema: {
          operationId: a.operationId,
          tags: ["notices"],
          summary: a.summary,
          params: idParams,
          body: a.body,
          response: { 200: noticeSchema },
        },
      },
      async (req) => notices.transition(actorOf(req), req.params.id, a.action, req.body as never),
    );
  }
}
