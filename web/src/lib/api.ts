/** RFC 9457 problem details as the server sends them. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  errors?: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.code = problem.code ?? "unknown";
    this.problem = problem;
  }
}

export const API_BASE = "/api/v1";

// The CSRF token comes from login and /auth/me; every state-changing request echoes it in a header.
let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when an authenticated request answers 401 (session expired or revoked). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

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
}

async function readProblem(res: Response): Promise<Problem> {
  const type = res.headers.get("content-type") ?? "";
  if (type.includes("json")) {
    try {
      return (await res.json()) as Problem;
    } catch {
      // fall through to a generic problem
    }
  }
  return { status: res.status, title: res.statusText || `HTTP ${res.status}` };
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.raw) headers["content-type"] = options.raw.contentType;
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  const init: RequestInit = { method, headers, credentials: "same-origin" };
  if (options.body !== undefined) init.body = JSON.stringify(options.body);
  if (options.raw) init.body = options.raw.body;
  if (options.signal) init.signal = options.signal;

  const res = await fetch(`${API_BASE}${path}`, init);
  if (!res.ok) {
    const problem = await readProblem(res);
    if (res.status === 401 && !options.expect401) onUnauthenticated?.();
    throw new ApiError(res.status, problem);
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get("content-type") ?? "";
  if (!type.includes("json")) return undefined as T;
  return (await res.json()) as T;
}

export const isAbort = (e: unknown): boolean => e instanceof DOMException && e.name === "AbortError";

/**
 * A request whose answer is read as it arrives (NDJSON progress lines): the response itself, once its
 * status is known. Errors answer as `api` does, with the problem.
 */
export async function apiStream(
  path: string,
  options: { body: Blob | string; contentType: string; accept: string; signal?: AbortSignal },
): Promise<Response> {
  const headers: Record<string, string> = { accept: options.accept, "content-type": options.contentType };
  if (csrfToken) headers["x-csrf-token"] = csrfToken;
  const init: RequestInit = { method: "POST", headers, credentials: "same-origin", body: options.body };
  if (options.signal) init.signal = options.signal;
  const res = await fetch(`${API_BASE}${path}`, init);
  if (!res.ok) {
    const problem = await readProblem(res);
    if (res.status === 401) onUnauthenticated?.();
    throw new ApiError(res.status, problem);
  }
  return res;
}
