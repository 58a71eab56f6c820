import type { Answer, Schema } from "../../lib/api/schema.ts";

export type ClientRow = Schema<"ApiClient">;

export type CreatedClient = Answer<"createClient">;

/** "a b, c" → ["a", "b", "c"] */
export const parseScopes = (text: string): string[] => [...new Set(text.split(/[\s,]+/).filter(Boolean))];
