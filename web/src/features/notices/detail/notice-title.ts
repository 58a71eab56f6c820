import type { Notice } from "../types.ts";

type Obj = Record<string, unknown>;
const o = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});

/** The title in the request's own language, or the notice id when it has none yet. */
export const noticeTitle = (n: Notice): string => {
  const title = o(n.request.title);
  return typeof title.text === "string" ? title.text : n.id;
};
