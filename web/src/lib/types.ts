import type { Answer, Schema } from "./api/schema.ts";

/** Server types by their contract names (api/schema.gen.ts); client-side helpers below. */

export type Me = Schema<"Me">;
export type CountryRef = Me["country"];
export type Session = Schema<"Session">;
export type Country = Schema<"Country">;
export type Health = Answer<"getHealth">;

/** The shape every paged list answer shares. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Some list endpoints may send a country as a code, others as { code, name }: accept both. */
export type CountryField = string | CountryRef | null | undefined;

export const countryCode = (c: CountryField): string => (typeof c === "string" ? c : (c?.code ?? ""));
