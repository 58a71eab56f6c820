import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { readProblem } from "../../lib/api/problem.ts";
import type { Schema } from "../../lib/api/schema.ts";
import { ApiError } from "../../lib/api.ts";

/**
 * The public, INTERPOL-compatible notices API (/notices/v1, no session, no CSRF): HAL documents, as
 * src/features/notices/notices.public.schema.ts defines them.
 */

export const PUBLIC_KINDS = ["red", "yellow", "un-persons", "un-entities"] as const;
export type PublicKind = (typeof PUBLIC_KINDS)[number];

/** The address segment under /notices/v1 for each list. */
export const apiKind = (kind: PublicKind): string => kind.replace("un-", "un/");

/** The public documents as the contract names them (PublicNoticePage, PublicNotice). */
export type PublicPage = Schema<"PublicNoticePage">;
export type PublicItem = PublicPage["_embedded"]["notices"][number];
export type PublicDetail = Schema<"PublicNotice">;

/** "2026/00001" is written "2026-00001" in addresses. */
export const publicId = (entityId: string): string => entityId.replace("/", "-");

async function getPublic<T>(path: string, signal: AbortSignal): Promise<T> {
  const res = await fetch(`/notices/v1/${path}`, { headers: { accept: "application/json" }, signal });
  if (!res.ok) throw new ApiError(res.status, await readProblem(res));
  return (await res.json()) as T;
}

/** Like useApi, for the public API: through the same cache, under its own key. */
export function usePublicApi<T>(path: string) {
  const query = useQuery({
    queryKey: ["public", path],
    queryFn: ({ signal }) => getPublic<T>(path, signal),
    placeholderData: keepPreviousData,
  });
  return { data: query.data, error: query.error ?? undefined, loading: query.isFetching };
}
