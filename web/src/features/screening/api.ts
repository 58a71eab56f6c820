import { client, data } from "../../lib/api/client.ts";
import { API_BASE, ApiError, apiStream, withQuery } from "../../lib/api.ts";
import type {
  CheckRequest,
  HitState,
  ManifestProgress,
  ManifestResult,
  StoredHit,
  TravellerResult,
} from "./types.ts";

// The contract leaves explanations open; types.ts says how this app reads them.
export const checkTraveller = async (body: CheckRequest): Promise<TravellerResult> =>
  (await data(client.POST("/api/v1/screening/check", { body }))) as TravellerResult;

export const decideHit = async (
  id: string,
  decision: "confirm" | "reject",
  note: string,
): Promise<StoredHit> =>
  (await data(
    client.POST("/api/v1/screening/hits/{id}/decision", {
      params: { path: { id } },
      body: note.trim() ? { decision, note: note.trim() } : { decision },
    }),
  )) as StoredHit;

export const hitsPath = (q: { state?: HitState | ""; role?: "owner" | "checker" | "" }) =>
  withQuery("/screening/hits", { state: q.state, role: q.role, limit: 200 });

/**
 * The live stream's address. `after` is unset: the server starts from its newest hit, or, when the
 * browser reconnects by itself, after the Last-Event-ID it sends (a fixed `after` would override it).
 */
export const HITS_STREAM_URL = `${API_BASE}/screening/hits/stream`;

/** The content type a manifest is sent with (the server reads the format from the content anyway). */
function contentTypeOf(name: string): string {
  const n = name.toLowerCase();
  if (n.endsWith(".csv")) return "text/csv";
  if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) return "application/x-ndjson";
  if (n.endsWith(".json")) return "application/json";
  return "text/plain";
}

type StreamLine =
  | ({ type: "progress" } & ManifestProgress)
  | { type: "result"; result: ManifestResult }
  | { type: "error"; status: number; title: string; detail: string };

/**
 * Sends a manifest and reads the streamed answer line by line: `progress` lines while passengers are
 * screened, then the `result`. An `error` line (the server failed after the stream opened) is thrown
 * as the problem it carries.
 */
export async function screenManifest(
  file: Blob & { name?: string },
  location: string,
  onProgress: (p: ManifestProgress) => void,
  signal?: AbortSignal,
): Promise<ManifestResult> {
  const res = await apiStream(withQuery("/screening/manifest", { location: location.trim() }), {
    body: file,
    contentType: contentTypeOf(file.name ?? ""),
    accept: "application/x-ndjson",
    ...(signal ? { signal } : {}),
  });
  const reader = res.body?.pipeThrough(new TextDecoderStream()).getReader();
  if (!reader) throw new Error("no response body");
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    let nl = buffer.indexOf("\n");
    while (nl !== -1) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf("\n");
      if (!line) continue;
      const msg = JSON.parse(line) as StreamLine;
      if (msg.type === "progress") onProgress(msg);
      else if (msg.type === "result") return msg.result;
      else if (msg.type === "error")
        throw new ApiError(msg.status, { status: msg.status, title: msg.title, detail: msg.detail });
    }
    if (done) throw new Error("the answer ended without a result");
  }
}
