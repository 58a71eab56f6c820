import type { Answer, Schema } from "../../../lib/api/schema.ts";
import { API_BASE, api, withQuery } from "../../../lib/api.ts";
import { segment } from "../../../lib/router.tsx";

/** A notice's face photos and files, as the contract names them. */
export type NoticePhoto = Schema<"NoticePhoto">;
export type PhotoAdded = Answer<"addNoticePhoto">;

const photos = (noticeId: string) => `/notices/${segment(noticeId)}/photos`;

export const photosPath = photos;

/** A photo's bytes are read by the browser itself (an <img>), with the session's cookie; audited. */
export const photoUrl = (noticeId: string, photoId: number) =>
  `${API_BASE}${photos(noticeId)}/${segment(String(photoId))}`;

/** The notice's PDF file, downloaded by the browser with the session's cookie; audited. */
export const pdfUrl = (noticeId: string) => `${API_BASE}/notices/${segment(noticeId)}/pdf`;

/** A photo file is sent as it is; the server reads it, checks it and keeps it re-encoded. */
export const uploadPhoto = (noticeId: string, file: Blob, shownPublicly: boolean) =>
  api<PhotoAdded>(withQuery(photos(noticeId), { public: shownPublicly ? "true" : undefined }), {
    method: "POST",
    raw: { body: file, contentType: file.type.startsWith("image/") ? file.type : "image/jpeg" },
  });

export const setPhotoConsent = (noticeId: string, photoId: number, shown: boolean) =>
  api<{ items: NoticePhoto[] }>(`${photos(noticeId)}/${segment(String(photoId))}`, {
    method: "PATCH",
    body: { public: shown },
  });

export const retractPhoto = (noticeId: string, photoId: number) =>
  api<void>(`${photos(noticeId)}/${segment(String(photoId))}`, { method: "DELETE" });
