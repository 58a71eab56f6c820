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

export interface TotpSecret {
  secret: string;
  otpauthUrl: string;
}

export interface IssuedSecret extends TotpSecret {
  username: string;
}

/** POST /users answers with the account and, for roles that need a second factor, its secret. */
export interface CreatedUser {
  user: UserRow;
  totp: TotpSecret | null;
}
