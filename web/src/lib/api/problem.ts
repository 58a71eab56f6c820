import type { Schema } from "./schema.ts";

/**
 * RFC 9457 problem details as the server sends them (the contract's Problem). Partial, and its field
 * errors unchecked, since a proxy or an older server may answer instead: readers check them.
 */
export type Problem = Partial<Omit<Schema<"Problem">, "errors">> & { errors?: unknown };

/** A request the server answered with an error status: its status, problem code and details. */
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

/** The problem of an error answer, or a generic one when the body is not JSON. */
export async function readProblem(res: Response): Promise<Problem> {
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

export const isAbort = (e: unknown): boolean =>
  (e instanceof DOMException || e instanceof Error) && e.name === "AbortError";
