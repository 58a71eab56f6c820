import type { CountryField } from "../../lib/types.ts";

export interface ClientRow {
  id: string;
  name: string;
  role: string;
  country: CountryField;
  scopes: string[];
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface CreatedClient {
  client: ClientRow;
  token: string;
}

/** "a b, c" → ["a", "b", "c"] */
export const parseScopes = (text: string): string[] => [...new Set(text.split(/[\s,]+/).filter(Boolean))];
