import { client, data } from "../../lib/api/client.ts";
import type { Body, paths } from "../../lib/api/schema.ts";
import type { Obj } from "../../lib/form-parse.ts";

/**
 * What the wizard sends. The draft is assembled field by field (draft/to-request.ts) into a request
 * the server validates, answering field errors the wizard shows; the rest is typed by the contract.
 */
export type NoticeBody = Omit<Body<"updateNotice">, "request" | "envelope"> & { request: Obj; envelope: Obj };

export const createNotice = (body: NoticeBody) =>
  data(client.POST("/api/v1/notices", { body: body as Body<"createNotice"> }));

export const updateNotice = (id: string, body: NoticeBody) =>
  data(
    client.PATCH("/api/v1/notices/{id}", { params: { path: { id } }, body: body as Body<"updateNotice"> }),
  );

/** The state-machine endpoints: POST /notices/{id}/<path>. */
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

type ActionRoute<P extends ActionPath> = `/api/v1/notices/{id}/${P}`;
type JsonBody<Op> = Op extends { requestBody?: { content: { "application/json": infer B } } } ? B : never;

/** The body each action takes, from the contract (`expectedVersion` guards against stale pages). */
export type ActionBody<P extends ActionPath = ActionPath> = P extends ActionPath
  ? JsonBody<paths[ActionRoute<P>]["post"]>
  : never;

export const noticeAction = <P extends ActionPath>(
  id: string,
  path: P,
  body: ActionBody<P> = {} as ActionBody<P>,
) =>
  // One call for every action: the path and body are checked above, per action.
  data(
    client.POST(`/api/v1/notices/{id}/${path}` as ActionRoute<"refuse">, {
      params: { path: { id } },
      body: body as ActionBody<"refuse">,
    }),
  );
