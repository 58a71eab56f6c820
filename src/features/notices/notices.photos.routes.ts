import type { FastifyReply } from "fastify";
import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import { AppError } from "../../shared/errors.ts";
import { MAX_PHOTO_BYTES } from "../biometrics/biometrics.probe.ts";
import { noticePhotoList, photoAdded, photoConsentBody, photoUploadQuery } from "./notices.photos.schema.ts";
import { publicIdParams } from "./notices.public.schema.ts";
import type { PublicKind } from "./notices.public.ts";
import type { NoticesService } from "./notices.service.ts";

const idParams = z.object({ id: z.string().max(100) });
const photoId = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const photoParams = idParams.extend({ photoId });
// Binary in OpenAPI terms; the handlers send a Buffer, which Fastify never serializes.
const jpeg = z.string().meta({ format: "binary" }).describe("The JPEG bytes");

const sendJpeg = (reply: FastifyReply, p: { mime: string; bytes: Buffer }, cache: string) =>
  reply
    .header("cache-control", cache)
    .header("x-content-type-options", "nosniff")
    .type(p.mime)
    .send(p.bytes as never);

/**
 * The files of a notice: its face photos (add, consent and retract by the owner; list and open by
 * whoever reads the notice), its PDF file, and the pictures of public extracts.
 */
export function registerNoticePhotoRoutes(app: ZodApp, notices: NoticesService) {
  registerPublicNoticePhotoRoutes(app, notices);

  app.get(
    "/api/v1/notices/:id/pdf",
    {
      schema: {
        operationId: "getNoticePdf",
        tags: ["notices"],
        summary:
          "The notice as a PDF file: band, number, photos, identity, offences, handling code (audited)",
        params: idParams,
        produces: ["application/pdf"],
        response: { 200: z.string().meta({ format: "binary" }).describe("The PDF file") },
      },
    },
    async (req, reply) => {
      const { pdf, filename } = await notices.noticePdf(actorOf(req), req.params.id);
      return reply
        .header("cache-control", "private, no-store")
        .header("x-content-type-options", "nosniff")
        .header("content-disposition", `attachment; filename="${filename}"`)
        .type("application/pdf")
        .send(pdf as never);
    },
  );

  // Raw image bodies: this scope alone parses them, with the photo's own size limit (413 above it).
  app.register(async (scope: ZodApp) => {
    scope.addContentTypeParser(
      /^image\/[a-z0-9.+-]+$/i,
      { parseAs: "buffer", bodyLimit: MAX_PHOTO_BYTES },
      (_req, body, done) => done(null, body),
    );
    scope.post(
      "/api/v1/notices/:id/photos",
      {
        bodyLimit: MAX_PHOTO_BYTES,
        schema: {
          operationId: "addNoticePhoto",
          tags: ["notices"],
          summary: "Attach a face photo of the subject to a draft (owner; raw image/* body, at most 10 MB)",
          description:
            "The image must be readable (400 otherwise), at most 10 MB (413) and show exactly one face (422). It is kept re-encoded as a JPEG of at most 1024 px with every metadata (EXIF, GPS, ICC) dropped; the same photo twice is kept once. `public=true` is the owner's consent to show it on the public extract.",
          consumes: ["image/jpeg", "image/png", "image/webp"],
          params: idParams,
          querystring: photoUploadQuery,
          response: { 200: photoAdded },
        },
      },
      async (req) => {
        if (!Buffer.isBuffer(req.body) || req.body.length === 0)
          throw new AppError("bad_request", "Send the photo's bytes with an image/* content type.");
        return notices.addPhoto(actorOf(req), req.params.id, req.body, req.query);
      },
    );
  });

  app.get(
    "/api/v1/notices/:id/photos",
    {
      schema: {
        operationId: "listNoticePhotos",
        tags: ["notices"],
        summary: "The face photos of a notice, retracted ones included as history (audited)",
        params: idParams,
        response: { 200: noticePhotoList },
      },
    },
    async (req) => ({ items: await notices.listPhotos(actorOf(req), req.params.id) }),
  );

  app.get(
    "/api/v1/notices/:id/photos/:photoId",
    {
      schema: {
        operationId: "getNoticePhoto",
        tags: ["notices"],
        summary: "Open a face photo of a notice (JPEG; audited)",
        params: photoParams,
        produces: ["image/jpeg"],
        response: { 200: jpeg },
      },
    },
    async (req, reply) =>
      sendJpeg(
        reply,
        await notices.openPhoto(actorOf(req), req.params.id, req.params.photoId),
        "private, no-store",
      ),
  );

  app.patch(
    "/api/v1/notices/:id/photos/:photoId",
    {
      schema: {
        operationId: "setNoticePhotoConsent",
        tags: ["notices"],
        summary: "Give (draft) or withdraw (any time) the owner's consent to show a photo publicly",
        params: photoParams,
        body: photoConsentBody,
        response: { 200: noticePhotoList },
      },
    },
    async (req) => ({
      items: await notices.setPhotoConsent(actorOf(req), req.params.id, req.params.photoId, req.body),
    }),
  );

  app.delete(
    "/api/v1/notices/:id/photos/:photoId",
    {
      schema: {
        operationId: "retractNoticePhoto",
        tags: ["notices"],
        summary: "Retract a face photo (owner): no longer served, kept in the history",
        params: photoParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await notices.retractPhoto(actorOf(req), req.params.id, req.params.photoId);
      return reply.code(204).send(null);
    },
  );
}

// The public lists whose extracts may show photos; `name` makes the operationIds.
const publicLists: Array<{ kind: PublicKind; name: string }> = [
  { kind: "red", name: "Red" },
  { kind: "yellow", name: "Yellow" },
  { kind: "un/persons", name: "UnPerson" },
];

/** The public website's pictures: only photos the owner consented to show, of public extracts. */
function registerPublicNoticePhotoRoutes(app: ZodApp, notices: NoticesService) {
  for (const l of publicLists) {
    app.get(
      `/notices/v1/${l.kind}/:noticeID/images/:pictureId`,
      {
        config: { public: true },
        schema: {
          operationId: `getPublic${l.name}NoticePicture`,
          tags: ["public notices"],
          security: [],
          summary: "One picture of a public extract (JPEG)",
          params: publicIdParams.extend({ pictureId: photoId }),
          produces: ["image/jpeg"],
          response: { 200: jpeg },
        },
      },
      async (req, reply) =>
        sendJpeg(
          reply,
          await notices.publicPhoto(l.kind, req.params.noticeID, req.params.pictureId),
          // Consent can be withdrawn: caches keep a public picture briefly.
          "public, max-age=300",
        ),
    );
  }
}
