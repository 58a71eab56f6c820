import createClient, { type Middleware } from "openapi-fetch";
import { changed, csrfHeaders, sessionExpired } from "../api.ts";
import { ApiError, readProblem } from "./problem.ts";
import type { paths } from "./schema.gen.ts";

/**
 * The typed client: every path, parameter, request body and answer is checked against the contract
 * generated from docs/openapi.json. Failures throw ApiError (from the middleware), so a call either
 * gives the answer's data or throws; `data()` unwraps it.
 */

type Path = keyof paths;

/** Operations that answer 401 as an outcome (wrong password, not signed in), not as an expired session. */
const EXPECTED_401: ReadonlySet<string> = new Set<Path>([
  "/api/v1/auth/login",
  "/api/v1/auth/me",
  "/api/v1/auth/logout",
  "/api/v1/auth/totp/enable",
]);

/** POSTs that only read (a preview, a match, a carrier check): what is cached stays valid. */
const READS: ReadonlySet<string> = new Set<Path>([
  "/api/v1/notices/compliance-preview",
  "/api/v1/content/match",
  "/api/v1/content/match/image",
  "/api/v1/content/match/video",
  "/api/v1/screening/carrier-check",
]);

const contract: Middleware = {
  onRequest({ request }) {
    if (request.method === "GET") return undefined;
    for (const [name, value] of Object.entries(csrfHeaders())) request.headers.set(name, value);
    return request;
  },
  async onResponse({ request, response, schemaPath }) {
    if (!response.ok) {
      const problem = await readProblem(response.clone());
      if (response.status === 401 && !EXPECTED_401.has(schemaPath)) sessionExpired();
      throw new ApiError(response.status, problem);
    }
    if (request.method !== "GET" && !READS.has(schemaPath)) changed();
    return undefined;
  },
};

/** Query values as the server reads them: empty ones are left out, lists repeat the name. */
function serializeQuery(query: Record<string, unknown> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== undefined && v !== null && v !== "") params.append(key, String(v));
    }
  }
  return params.toString();
}

export const client = createClient<paths>({
  credentials: "same-origin",
  headers: { accept: "application/json" },
  querySerializer: serializeQuery,
});
client.use(contract);

/**
 * The data of a successful answer. Errors have already thrown (see the middleware), so what is left
 * is the success branch of openapi-fetch's result.
 */
export async function data<R extends { data?: unknown }>(
  pending: Promise<R>,
): Promise<Exclude<R["data"], undefined>> {
  const result = await pending;
  return result.data as Exclude<R["data"], undefined>;
}
