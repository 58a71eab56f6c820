import { client, data } from "./api/client.ts";
import { forgetAnswers } from "./api/query.ts";
import type { Body } from "./api/schema.ts";

export type Credentials = Body<"login">;

export const login = (body: Credentials) => data(client.POST("/api/v1/auth/login", { body }));

export const fetchMe = () => data(client.GET("/api/v1/auth/me"));

/** Whatever the server answers, nothing read under the session stays cached. */
export async function logout(): Promise<void> {
  try {
    await client.POST("/api/v1/auth/logout");
  } finally {
    forgetAnswers();
  }
}

export const setupTotp = () => data(client.POST("/api/v1/auth/totp/setup"));

// A wrong code must show as an error on this page, not as an expired session (see client.ts).
export const enableTotp = async (code: string): Promise<void> => {
  await client.POST("/api/v1/auth/totp/enable", { body: { code } });
};

export const changePassword = async (currentPassword: string, newPassword: string): Promise<void> => {
  await client.POST("/api/v1/auth/password", { body: { currentPassword, newPassword } });
};
