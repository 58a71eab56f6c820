import { client, data } from "../../../lib/api/client.ts";
import type { Answer } from "../../../lib/api/schema.ts";
import { API_BASE, api, withQuery } from "../../../lib/api.ts";
import { segment } from "../../../lib/router.tsx";
import type { DecisionKind, EnrolResult, Probe, SearchState } from "./types.ts";

/** Template files are sent as they are: the server tells ISO from ANSI by their structure. */
const TEMPLATE_TYPE = "application/octet-stream";

/** A face image's content type: the file's own when it is an image, JPEG otherwise (a capture). */
const imageType = (file: Blob): string => (file.type.startsWith("image/") ? file.type : "image/jpeg");

const record = (id: string) => `/records/${segment(id)}`;

export const biometricsPath = (recordId: string) => `${record(recordId)}/biometrics`;

export const enrolFingerprint = (recordId: string, file: Blob, source: string) =>
  api<EnrolResult>(withQuery(`${record(recordId)}/fingerprints`, { source: source.trim() }), {
    method: "POST",
    raw: { body: file, contentType: TEMPLATE_TYPE },
  });

export const enrolFace = (recordId: string, file: Blob, source: string) =>
  api<EnrolResult>(withQuery(`${record(recordId)}/faces`, { source: source.trim() }), {
    method: "POST",
    raw: { body: file, contentType: imageType(file) },
  });

export const retractTemplate = (recordId: string, templateId: string) =>
  data(
    client.DELETE("/api/v1/records/{id}/biometrics/{templateId}", {
      params: { path: { id: recordId, templateId } },
    }),
  );

/**
 * Runs a 1:N search with the probe; the answer is the stored search, to be reviewed. The probe is
 * sent raw (a template file or an image), which the contract does not describe: only the answer is typed.
 */
export const runSearch = (probe: Probe, reason: string, limit?: number) =>
  api<Answer<"searchFingerprint">>(
    withQuery(`/biometrics/searches/${probe.kind === "fingerprint" ? "fingerprint" : "face"}`, {
      reason: reason.trim(),
      limit,
    }),
    {
      method: "POST",
      raw: {
        body: probe.file,
        contentType: probe.kind === "fingerprint" ? TEMPLATE_TYPE : imageType(probe.file),
      },
    },
  );

export const searchesPath = (q: { state?: SearchState | ""; purpose?: "search" | "screening" | "" }) =>
  withQuery("/biometrics/searches", { state: q.state, purpose: q.purpose, limit: 200 });

export const searchPath = (id: string) => `/biometrics/searches/${segment(id)}`;
export const probeMinutiaePath = (id: string) => `${searchPath(id)}/probe-minutiae`;
export const templateMinutiaePath = (templateId: string) =>
  `/biometrics/templates/${segment(templateId)}/minutiae`;

/** Images are read by the browser itself (an <img>), with the session's cookie. */
export const probeImageUrl = (id: string) => `${API_BASE}${searchPath(id)}/probe-image`;
export const recordPhotoUrl = (recordId: string, photoId: string | number) =>
  `${API_BASE}${record(recordId)}/photos/${segment(String(photoId))}`;

export const decide = (id: string, decision: DecisionKind, candidateId: string | null, note: string) =>
  data(
    client.POST("/api/v1/biometrics/searches/{id}/decisions", {
      params: { path: { id } },
      body: {
        decision,
        ...(decision === "potential_candidate" && candidateId ? { candidateId } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
    }),
  );
