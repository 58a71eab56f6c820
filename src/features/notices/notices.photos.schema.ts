import { z } from "zod";

/** HTTP schemas of a notice's face photos. */

export const photoUploadQuery = z
  .object({
    /** The owner's consent to show the photo on the public extract (only ever served when it has one). */
    public: z.enum(["true", "false"]).optional(),
  })
  .strict();
export type PhotoUploadQuery = z.input<typeof photoUploadQuery>;

export const photoConsentBody = z.object({ public: z.boolean() }).strict();
export type PhotoConsentBody = z.input<typeof photoConsentBody>;

export const noticePhotoSchema = z
  .object({
    id: z.number().int(),
    sha256: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    /** Shown on the public extract (the owner's consent), when the notice has one. */
    public: z.boolean(),
    recordedAt: z.string(),
    /** Retracted photos are listed as history and no longer served. */
    retractedAt: z.string().nullable(),
  })
  .meta({ id: "NoticePhoto" });
export type NoticePhotoView = z.infer<typeof noticePhotoSchema>;

export const noticePhotoList = z.object({ items: z.array(noticePhotoSchema) });

export const photoAdded = z.object({
  /** False when the same photo was already attached: it is stored once. */
  created: z.boolean(),
  photo: noticePhotoSchema,
  photos: z.array(noticePhotoSchema),
});
