import { api } from "./api.ts";
import type { Session } from "./types.ts";

export interface Credentials {
  username: string;
  password: string;
  totp?: string;
}

export const login = (body: Credentials) =>
  api<Session>("/auth/login", { method: "POST", body, expect401: true });

export const fetchMe = () => api<Session>("/auth/me", { expect401: true });

export const logout = () => api<void>("/auth/logout", { method: "POST", expect401: true });

export const setupTotp = () =>
  api<{ secret: string; otpauthUrl: string }>("/auth/totp/setup", { method: "POST" });

// A wrong code must show as an error on this page, not as an expired session.
export const enableTotp = (code: string) =>
  api<void>("/auth/totp/enable", { method: "POST", body: { code }, expect401: true });

export const changePassword = (currentPassword: string, newPassword: string) =>
  api<void>("/auth/password", { method: "POST", body: { currentPassword, newPassword } });
