import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { API_KEY } from "./api/query.ts";
import { api } from "./api.ts";

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads `path` (null = do not load) through the query cache, keyed by the path: screens that ask for
 * the same answer share it, a change made through the API refetches it (api/query.ts), and the last
 * answer stays on screen while the next one (a new page, a new filter) loads.
 */
export function useApi<T>(path: string | null): ApiState<T> {
  const query = useQuery({
    queryKey: [API_KEY, path],
    queryFn: ({ signal }) => api<T>(path ?? "", { signal }),
    enabled: path !== null,
    placeholderData: keepPreviousData,
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  return {
    data: query.data,
    error: query.error ?? undefined,
    loading: path !== null && query.isFetching,
    reload,
  };
}
