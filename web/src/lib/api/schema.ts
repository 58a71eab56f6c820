import type { components, operations, paths } from "./schema.gen.ts";

/**
 * Names for the generated contract (schema.gen.ts, from docs/openapi.json). The web app never
 * copies a server type: it names a schema, or the body of an operation, from here.
 */
export type { components, operations, paths };

/** A named schema of the contract (`Schema<"Notice">`). */
export type Schema<N extends keyof components["schemas"]> = components["schemas"][N];

type Json<R> = R extends { content: { "application/json": infer B } } ? B : never;
type Responses<Op extends keyof operations> = operations[Op]["responses"];
type Success<Op extends keyof operations> = {
  [S in keyof Responses<Op>]: S extends 200 | 201 | 202 ? Json<Responses<Op>[S]> : never;
}[keyof Responses<Op>];

/** The JSON body of an operation's success answer (`Answer<"getNoticeHistory">`). */
export type Answer<Op extends keyof operations> = Success<Op>;

/** The JSON request body of an operation. */
export type Body<Op extends keyof operations> = operations[Op] extends {
  requestBody?: { content: { "application/json": infer B } };
}
  ? B
  : never;

/** The query parameters of an operation. */
export type QueryOf<Op extends keyof operations> = NonNullable<operations[Op]["parameters"]["query"]>;

/** The element type of a list answer (`Item<"listNotices">` for `{ items: Notice[] }`). */
export type Item<Op extends keyof operations> = Answer<Op> extends { items: (infer I)[] } ? I : never;

/**
 * A runtime list of an enum's values for menus and filters, checked against the contract at compile
 * time: a value the contract lacks, or one of its values left out, is a type error.
 * `const TYPES = allOf<NoticeType>()(["red", ...])`.
 */
export const allOf =
  <T extends string>() =>
  <const A extends readonly T[]>(
    values: A & ([Exclude<T, A[number]>] extends [never] ? unknown : { missing: Exclude<T, A[number]> }),
  ): A =>
    values;
