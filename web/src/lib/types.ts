import type { Role } from "./roles.ts";

export interface CountryRef {
  code: string;
  name: string;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  country: CountryRef;
  totpEnabled: boolean;
  demo: boolean;
}

export interface Session {
  user: Me;
  csrfToken: string;
}

export interface Country {
  code: string;
  alpha3: string;
  name: string;
  kind: "member" | "secretariat" | "international";
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Health {
  status: "ok";
  storage: "pglite" | "postgres";
  version: string;
}

/** Some list endpoints may send a country as a code, others as { code, name }: accept both. */
export type CountryField = string | CountryRef | null | undefined;

export const countryCode = (c: CountryField): string => (typeof c === "string" ? c : (c?.code ?? ""));
