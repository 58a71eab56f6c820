import { QueryClient } from "@tanstack/react-query";
import { ApiError, isAbort } from "./problem.ts";

/** A failure worth trying again: the request never got an answer (not an answer we did not like). */
const isNetworkFailure = (error: unknown): boolean => !(error instanceof ApiError) && !isAbort(error);

/**
 * The one cache of server answers. Reads are GETs, so they may be retried, but only when the network
 * failed: a 4xx or 5xx is the server's answer and is shown as it is. Nothing refetches because a
 * window got focus (officers switch windows all day); an answer younger than a few seconds is shared
 * by the screens that ask for it at once instead of being fetched again.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 5_000,
      gcTime: 5 * 60_000,
      refetchOnWindowFocus: false,
      refetchOnReconnect: true,
      retry: (failures, error) => failures < 2 && isNetworkFailure(error),
      retryDelay: (attempt) => Math.min(1_000 * 2 ** attempt, 8_000),
    },
    mutations: { retry: false },
  },
});

/** The key under which every API answer is cached (see use-api.ts). */
export const API_KEY = "api";

/** After a successful change, any cached answer may be out of date: screens on view fetch again. */
export function invalidateAnswers(): void {
  void queryClient.invalidateQueries({ queryKey: [API_KEY] });
}

/** Signed out or session expired: nothing read under that session may stay in memory. */
export function forgetAnswers(): void {
  queryClient.clear();
}
