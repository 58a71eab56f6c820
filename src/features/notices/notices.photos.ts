import { createHash } from "node:crypto";
import type { Deps } from "../../deps.ts";
import { extractFaces, ImageTooLargeError, UndecodableImageError } from "../../search/faces/index.ts";
import type { Actor } from "../../shared/actor.ts";
import { isOversightRead } from "../../shared/envelope/visibility.ts";
import { AppError } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { parseOrThrow } from "../../shared/validate.ts";
import { inTransaction } from "../../storage/ambient.ts";
import { appendAudit } from "../audit/audit.append.ts";
import { MAX_PHOTO_BYTES } from "../biometrics/biometrics.probe.ts";
import { MIN_SIDE, normalise } from "../records/records.photos.ts";
import * as photos from "./notices.photos.repo.ts";
import {
  type NoticePhotoView,
  type PhotoConsentBody,
  type PhotoUploadQuery,
  photoConsentBody,
  photoUploadQuery,
} from "./notices.photos.schema.ts";
import { noticesPolicy } from "./notices.policy.ts";
import { type PublicKind, publicKinds } from "./notices.public.ts";
import * as repo from "./notices.repo.ts";
import { type NoticeState, nextState } from "./rules/lifecycle.ts";

/*
 * Face photos of a notice's subject. The owner attaches them while the request is a draft; whoever
 * may read the notice sees them, and each opening is audited like opening the notice. An upload is
 * checked whole before anything is stored: a readable image (400 otherwise), within the size limit
 * (413), showing exactly one face (422) - it is a photo of the subject. What is kept is the image
 * re-encoded, without any of the upload's metadata.
 */

const notFound = () => new AppError("not_found", "No such notice.");
const noPhoto = () => new AppError("not_found", "No such photo.");
const fieldError = (path: string, message: string, code: string, limit?: number) => ({
  errors: [{ path, message, code, ...(limit === undefined ? {} : { limit }) }],
});

/** The upload read, checked and re-encoded: a plain JPEG with no metadata, ready to store. */
export async function readSubjectPhoto(bytes: Uint8Array) {
  if (bytes.length === 0)
    throw new AppError("bad_request", "Send the photo's bytes.", fieldError("photo", "empty", "required"));
  if (bytes.length > MAX_PHOTO_BYTES)
    throw new AppError("payload_too_large", `A face photo is at most ${MAX_PHOTO_BYTES} bytes.`);
  let found: Awaited<ReturnType<typeof extractFaces>>["faces"];
  try {
    found = (await extractFaces(bytes)).faces;
  } catch (e) {
    if (e instanceof UndecodableImageError) {
      const message = "The file is not an image that can be read (JPEG, PNG or WebP).";
      throw new AppError("bad_request", message, fieldError("photo", message, "invalid_format"));
    }
    if (e instanceof ImageTooLargeError)
      throw new AppError("payload_too_large", `The photo is too large: ${e.message}.`);
    throw e;
  }
  if (found.length === 0) {
    const message = "No face was found in the photo; a notice's photo shows the subject's face.";
    throw new AppError("unprocessable", message, fieldError("face", message, "required"));
  }
  if (found.length > 1) {
    const message = `${found.length} faces were found in the photo; it must show the subject alone.`;
    throw new AppError("unprocessable", message, fieldError("face", message, "too_many", 1));
  }
  const img = await normalise(bytes);
  if (Math.min(img.width, img.height) < MIN_SIDE)
    throw new AppError(
      "unprocessable",
      `The photo is too small: at least ${MIN_SIDE} pixels a side.`,
      fieldError("photo", "too small", "too_small", MIN_SIDE),
    );
  return { ...img, sha256: createHash("sha256").update(img.data).digest("hex") };
}

const toView = (r: Awaited<ReturnType<typeof photos.visiblePhotos>>[number]): NoticePhotoView => ({
  id: Number(r.id),
  sha256: r.sha256,
  width: r.width,
  height: r.height,
  public: r.public_consent,
  recordedAt: new Date(r.recorded_at).toISOString(),
  retractedAt: r.retracted_at ? new Date(r.retracted_at).toISOString() : null,
});

export function createNoticePhotos({ db, clock }: Deps) {
  /** The notice, readable and owned by the actor, or the reason not; `editable` asks for a draft. */
  async function ownNotice(actor: Actor, id: string, opts: { editable: boolean; lock?: boolean }) {
    if (!noticesPolicy.request(actor)) throw new AppError("forbidden", "Your role may not change notices.");
    const row = isUuid(id) ? await repo.findReadable(db, actor, id, opts.lock ?? false) : undefined;
    if (!row) throw notFound();
    if (noticesPolicy.roleOn(actor, row.owner) !== "owner")
      throw new AppError("forbidden", "Only the owner of a notice may change its photos.");
    if (row.subject_kind !== "person")
      throw new AppError("bad_request", "Face photos belong to notices about a person.");
    if (opts.editable) nextState(row.state as NoticeState, "edit", "owner");
    return row;
  }

  async function listPhotos(actor: Actor, id: string): Promise<NoticePhotoView[]> {
    if (!noticesPolicy.read(actor)) throw new AppError("forbidden", "Your role may not read notices.");
    return inTransaction(db, async (trx) => {
      // A notice out of sight answers as one that does not exist, as its own get does.
      const row = isUuid(id) ? await repo.findReadable(trx, actor, id) : undefined;
      if (!row) throw notFound();
      const rows = await photos.visiblePhotos(trx, actor, id);
      await appendAudit(trx, clock, actor, {
        action: "notice.photo.list",
        recordType: row.type,
        recordId: id,
        detail: { owner: row.owner, returned: rows.length },
      });
      return rows.map(toView);
    });
  }

  async function addPhoto(actor: Actor, id: string, bytes: Uint8Array, query: PhotoUploadQuery = {}) {
    const q = parseOrThrow(photoUploadQuery, query, "photo");
    // Who and where first (cheap), then the image (no transaction waits on the face detector).
    await ownNotice(actor, id, { editable: true });
    const img = await readSubjectPhoto(bytes);
    return inTransaction(db, async (trx) => {
      const row = await ownNotice(actor, id, { editable: true, lock: true });
      if ((await photos.livePhotoCount(trx, actor, id)) >= photos.MAX_PHOTOS_PER_NOTICE)
        throw new AppError(
          "conflict",
          `A notice holds at most ${photos.MAX_PHOTOS_PER_NOTICE} photos; retract one first.`,
        );
      const inserted = await photos.insertPhoto(trx, {
        notice_id: id,
        sha256: img.sha256,
        mime: "image/jpeg",
        width: img.width,
        height: img.height,
        bytes: img.data,
        public_consent: q.public === "true",
        recorded_by: actor.kind === "user" ? actor.id : null,
        recorded_at: clock.now(),
      });
      const all = (await photos.visiblePhotos(trx, actor, id)).map(toView);
      const photo = all.find((p) => p.sha256 === img.sha256 && p.retractedAt === null);
      if (!photo) throw new AppError("internal", "The photo was not kept.");
      if (inserted)
        await appendAudit(trx, clock, actor, {
          action: "notice.photo.add",
          recordType: row.type,
          recordId: id,
          detail: { photoId: photo.id, sha256: img.sha256, public: photo.public },
        });
      return { created: inserted !== undefined, photo, photos: all };
    });
  }

  /** The bytes of one photo; opening it is audited like opening the notice. */
  async function openPhoto(actor: Actor, id: string, photoId: number) {
    if (!noticesPolicy.read(actor)) throw new AppError("forbidden", "Your role may not read notices.");
    return inTransaction(db, async (trx) => {
      const p = isUuid(id) ? await photos.visiblePhotoBytes(trx, actor, id, photoId) : undefined;
      if (!p) throw noPhoto();
      await appendAudit(trx, clock, actor, {
        action: "notice.photo.read",
        recordType: p.type,
        recordId: id,
        detail: {
          photoId,
          owner: p.owner,
          oversight: isOversightRead(
            { owner: p.owner, distribution: p.distribution, distributionCountries: p.distribution_countries },
            actor,
          ),
        },
      });
      return { mime: p.mime, bytes: Buffer.from(p.bytes) };
    });
  }

  /** The owner's consent to the public extract: given while the request is a draft, withdrawn any time. */
  async function setPhotoConsent(actor: Actor, id: string, photoId: number, body: PhotoConsentBody) {
    const b = parseOrThrow(photoConsentBody, body, "consent");
    return inTransaction(db, async (trx) => {
      const row = await ownNotice(actor, id, { editable: b.public, lock: true });
      if (!(await photos.setConsent(trx, id, photoId, b.public))) throw noPhoto();
      await appendAudit(trx, clock, actor, {
        action: "notice.photo.consent",
        recordType: row.type,
        recordId: id,
        detail: { photoId, public: b.public },
      });
      return (await photos.visiblePhotos(trx, actor, id)).map(toView);
    });
  }

  /** Stops serving a photo (owner, in any state): it stays listed as history. */
  async function retractPhoto(actor: Actor, id: string, photoId: number) {
    return inTransaction(db, async (trx) => {
      const row = await ownNotice(actor, id, { editable: false, lock: true });
      if (!(await photos.retractPhoto(trx, id, photoId, clock.now()))) throw noPhoto();
      await appendAudit(trx, clock, actor, {
        action: "notice.photo.retract",
        recordType: row.type,
        recordId: id,
        detail: { photoId },
      });
    });
  }

  /** A consented photo of a public notice, for anyone; everything else is "no such picture". */
  async function publicPhoto(kind: PublicKind, noticeID: string, pictureId: number) {
    const p = await photos.publicPhotoBytes(db, publicKinds[kind], noticeID.replace("-", "/"), pictureId);
    if (!p) throw new AppError("not_found", "No such public picture.");
    return { mime: p.mime, bytes: Buffer.from(p.bytes) };
  }

  return { listPhotos, addPhoto, openPhoto, setPhotoConsent, retractPhoto, publicPhoto };
}
