import { api } from "../../lib/api.ts";
import { segment } from "../../lib/router.tsx";
import type { Notice } from "./types.ts";

export interface NoticeBody {
  request: Record<string, unknown>;
  envelope: Record<string, unknown>;
  publicExtract: boolean;
}

export const createNotice = (body: NoticeBody) => api<Notice>("/notices", { method: "POST", body });

export const updateNotice = (id: string, body: NoticeBody) =>
  api<Notice>(`/notices/${segment(id)}`, { method: "PATCH", body });

/** The state-machine endpoints: POST /notices/:id/<path>. */
export type ActionPath =
  | "submit"
  | "start-review"
  | "publish"
  | "refuse"
  | "return"
  | "addenda"
  | "suspend"
  | "resume"
  | "withdraw"
  | "cancel"
  | "renew";

export interface ActionBody {
  reasons?: string;
  until?: string;
  text?: { language: string; text: string };
}

export const noticeAction = (id: string, path: ActionPath, body: ActionBody = {}) =>
  api<Notice>(`/notices/${segment(id)}/${path}`, { method: "POST", body });
