import { useEffect, useState } from "react";
import { ApiError, isAbort, type Problem } from "../../lib/api.ts";

/**
 * The public, INTERPOL-compatible notices API (/notices/v1, no session, no CSRF): HAL documents, as
 * src/features/notices/notices.public.schema.ts defines them.
 */

export const PUBLIC_KINDS = ["red", "yellow", "un-persons", "un-entities"] as const;
export type PublicKind = (typeof PUBLIC_KINDS)[number];

/** The address segment under /notices/v1 for each list. */
export const apiKind = (kind: PublicKind): string => kind.replace("un-", "un/");

export interface PublicItem {
  entity_id: string;
  name: string | null;
  forename: string | null;
  date_of_birth: string | null;
  nationalities: string[];
}

export interface PublicPage {
  total: number;
  query: Record<string, string | number>;
  _embedded: { notices: PublicItem[] };
}

export interface PublicDetail extends PublicItem {
  sex_id: string | null;
  place_of_birth: string | null;
  country_of_birth_id: string | null;
  height: number | null;
  weight: number | null;
  eyes_colors_id: string | null;
  hairs_id: string | null;
  distinguishing_marks: string | null;
  arrest_warrants?: { issuing_country_id: string; charge: string; charge_translation: string | null }[];
  date_of_event?: string | null;
  place?: string | null;
  un_reference?: string | null;
  aliases?: string[];
}

/** "2026/00001" is written "2026-00001" in addresses. */
export const publicId = (entityId: string): string => entityId.replace("/", "-");

async function getPublic<T>(path: string, signal: AbortSignal): Promise<T> {
  const res = await fetch(`/notices/v1/${path}`, { headers: { accept: "application/json" }, signal });
  if (!res.ok) {
    let problem: Problem = { status: res.status, title: res.statusText || `HTTP ${res.status}` };
    if ((res.headers.get("content-type") ?? "").includes("json")) {
      try {
        problem = (await res.json()) as Problem;
      } catch {
        // keep the generic problem
      }
    }
    throw new ApiError(res.status, problem);
  }
  return (await res.json()) as T;
}

/** Like useApi, for the public API. */
export function usePublicApi<T>(path: string) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    getPublic<T>(path, controller.signal)
      .then((result) => {
        setData(result);
        setLoading(false);
      })
      .catch((e: unknown) => {
        if (isAbort(e)) return;
        setError(e);
        setLoading(false);
      });
    return () => controller.abort();
  }, [path]);
  return { data, error, loading };
}
