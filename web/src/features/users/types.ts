import type { CountryField } from "../../lib/types.ts";

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: string;
  country: CountryField;
  disabled: boolean;
  totpEnabled: boolean;
  lockedUntil: string | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: string;
  country: string;
  password: string;
}
