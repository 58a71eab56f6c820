import { ApiError } from "../../../lib/api/problem.ts";
import type { MessageKey } from "../../../lib/i18n/index.tsx";

/**
 * What went wrong with a photo, as the reader can act on it: the server's status and the refused
 * field (src/features/notices/notices.photos.ts) name the reason; anything else is left to the
 * general problem sentences.
 */
export function photoErrorKey(error: unknown): MessageKey | null {
  if (!(error instanceof ApiError)) return null;
  const errors = Array.isArray(error.problem.errors)
    ? (error.problem.errors as { path?: unknown; code?: unknown }[])
    : [];
  const has = (path: string, code: string) => errors.some((e) => e.path === path && e.code === code);
  if (error.status === 413) return "photos.error.tooLarge";
  if (error.status === 415) return "photos.error.type";
  if (has("photo", "invalid_format")) return "photos.error.notImage";
  if (has("face", "required")) return "photos.error.noFace";
  if (has("face", "too_many")) return "photos.error.severalFaces";
  if (has("photo", "too_small")) return "photos.error.tooSmall";
  if (error.code === "invalid_transition") return "photos.error.notDraft";
  if (error.code === "conflict") return "photos.error.tooMany";
  return null;
}
