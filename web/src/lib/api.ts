import { ApiError, isAbort, type Problem, readProblem } from "./api/problem.ts";
import { forgetAnswers, invalidateAnswers } from "./api/query.ts";

/**
 * The plain fetch layer under the typed client (api/client.ts): the session's CSRF token, the
 * expired-session handler, and requests by path for what the typed client does not cover: raw
 * uploads (images, fingerprint templates, CSV imports), the police-database screens that serve four
 * databases from one path pattern, and useApi's reads. A JSON request to a fixed path goes through
 * the typed client.
 */

export { ApiError, isAbort, type Problem };

export const API_BASE = "/api/v1";

// The CSRF token comes from login and /auth/me; every state-changing request echoes it in a header.
let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The header every state-changing request carries. */
export const csrfHeaders = (): Record<string, string> => (csrfToken ? { "x-csrf-token": csrfToken } : {});

/** Called when an authenticated request answers 401 (session expired or revoked). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

/** The session is gone: forget what it read, and let the session provider show the sign-in page. */
export function sessionExpired(): void {
  forgetAnswers();
  onUnauthenticated?.();
}

/** A change succeeded: cached answers are refetched. */
export const changed = (): void => invalidateAnswers();

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** Sent as is (a file or text) instead of JSON, with this content type. */
  raw?: { body: Blob | string; contentType: string };
  signal?: AbortSignal;
  /** Login and /auth/me answer 401 as a normal outcome: do not treat it as an expired session. */
  expect401?: boolean;
  /** A POST that only reads (a check, a search): cached answers stay valid. */
  readOnly?: boolean;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.raw) headers["content-type"] = options.raw.contentType;
  if (method !== "GET") Object.assign(headers, csrfHeaders());
  const init: RequestInit = { method, headers, credentials: "same-origin" };
  if (options.body !== undefined) init.body = JSON.stringify(options.body);
  if (options.raw) init.body = options.raw.body;
  if (options.signal) init.signal = options.signal;

  const res = await fetch(`${API_BASE}${path}`, init);
  if (!res.ok) {
    const problem = await readProblem(res);
    if (res.status === 401 && !options.expect401) sessionExpired();
    throw new ApiError(res.status, problem);
  }
  if (method !== "GET" && !options.readOnly) changed();
  if (res.status === 204) return undefined as T;
  const type = res.headers.get("content-type") ?? "";
  if (!type.includes("json")) return undefined as T;
  return (await res.json()) as T;
}

/**
 * A request whose answer is read as it arrives (NDJSON progress lines): the response itself, once its
 * status is known. Errors answer as `api` does, with the problem.
 */
export async function apiStream(
  path: string,
  options: { body: Blob | string; contentType: string; accept: string; signal?: AbortSignal },
): Promise<Response> {
  const headers: Record<string, string> = {
    accept: options.accept,
    "content-type": options.contentType,
    ...csrfHeaders(),
  };
  const init: RequestInit = { method: "POST", headers, credentials: "same-origin", body: options.body };
  if (options.signal) init.signal = options.signal;
  const res = await fetch(`${API_BASE}${path}`, init);
  if (!res.ok) {
    const problem = await readProblem(res);
    if (res.status === 401) sessionExpired();
    throw new ApiError(res.status, problem);
  }
  // The stream's rows are written as it runs: whatever was cached may change from now on.
  changed();
  return res;
}
