import type { ZodApp } from "../../http/zod-app.ts";
import {
  publicIdParams,
  publicImages,
  publicListQuery,
  publicNoticeDetail,
  publicNoticePage,
} from "./notices.public.schema.ts";
import type { PublicKind } from "./notices.public.ts";
import type { NoticesService } from "./notices.service.ts";

// `name` makes the operationIds: listPublic<name>Notices, getPublic<name>Notice(Images).
const lists: Array<{ kind: PublicKind; name: string; what: string; images: boolean }> = [
  {
    kind: "red",
    name: "Red",
    what: "Red Notices (wanted persons) whose owner consented to publication",
    images: true,
  },
  {
    kind: "yellow",
    name: "Yellow",
    what: "Yellow Notices (missing persons) whose owner consented to publication",
    images: true,
  },
  {
    kind: "un/persons",
    name: "UnPerson",
    what: "INTERPOL-UN Security Council Special Notices on individuals",
    images: true,
  },
  {
    kind: "un/entities",
    name: "UnEntity",
    what: "INTERPOL-UN Security Council Special Notices on entities",
    images: false,
  },
];

/** The public, unauthenticated, INTERPOL-compatible notices API under /notices/v1. */
export function registerPublicNoticesRoutes(app: ZodApp, notices: NoticesService): void {
  const common = { config: { public: true } } as const;
  for (const l of lists) {
    const tags = ["public notices"];
    app.get(
      `/notices/v1/${l.kind}`,
      {
        ...common,
        schema: {
          operationId: `listPublic${l.name}Notices`,
          tags,
          security: [],
          summary: `Public extracts: ${l.what}`,
          querystring: publicListQuery,
          response: { 200: publicNoticePage },
        },
      },
      async (req) => notices.publicList(l.kind, req.query),
    );
    app.get(
      `/notices/v1/${l.kind}/:noticeID`,
      {
        ...common,
        schema: {
          operationId: `getPublic${l.name}Notice`,
          tags,
          security: [],
          summary: "One public extract; the notice number 2024/12345 is written 2024-12345",
          params: publicIdParams,
          response: { 200: publicNoticeDetail },
        },
      },
      async (req) => notices.publicDetail(l.kind, req.params.noticeID),
    );
    if (l.images)
      app.get(
        `/notices/v1/${l.kind}/:noticeID/images`,
        {
          ...common,
          schema: {
            operationId: `getPublic${l.name}NoticeImages`,
            tags,
            security: [],
            summary: "The pictures of a public notice",
            params: publicIdParams,
            response: { 200: publicImages },
          },
        },
        async (req) => notices.publicImages(l.kind, req.params.noticeID),
      );
  }
}
