import type { Answer, Body, Schema } from "../../lib/api/schema.ts";

export type ClientRow = Schema<"ApiClient">;

export type CreatedClient = Answer<"createClient">;
export type ClientRole = Body<"createClient">["role"];
export type ClientScope = Body<"createClient">["scopes"][number];

/** "a b, c" → ["a", "b", "c"] */
export const parseScopes = (text: string): string[] => [...new Set(text.split(/[\s,]+/).filter(Boolean))];
