import { currentTotp } from "../../src/features/auth/credentials.ts";
import { envelope, redRequest, yellowRequest } from "../../src/features/notices/notices.fixtures.ts";
import type { DemoServer } from "./demo-server.ts";

type H = Record<string, string>;

/** A demo account's session headers for the API (answering the second factor where it has one). */
export async function apiLogin(server: DemoServer, username: string): Promise<H> {
  const { t, creds } = server;
  const secret = creds.users.find((u) => u.username === username)?.totpSecret;
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: {
      username,
      password: creds.password,
      ...(secret ? { totp: currentTotp(secret, t.clock.now()) } : {}),
    },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === "fusion_session")?.value;
  return {
    cookie: `fusion_session=${cookie}`,
    "x-csrf-token": (res.json() as { csrfToken: string }).csrfToken,
  };
}

/**
 * Work for the language sweep to open, made through the API as people would: a published Red Notice
 * with a public extract, a request waiting in the review queue, a draft, a diffusion, a hash bank and a
 * referral. Without it the lists are empty and no detail page is visited.
 */
export async function seedWork(server: DemoServer): Promise<void> {
  const { t } = server;
  const call = async (method: "GET" | "POST", url: string, headers: H, payload?: unknown) => {
    const res = await t.app.inject({
      method,
      url,
      headers,
      ...(payload ? { payload: payload as object } : {}),
    });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as Record<string, unknown> & { id: string };
  };
  const login = (username: string) => apiLogin(server, username);

  const fr = await login("fr.officer");
  const gs = await login("gs.reviewer");
  const notice = (request: unknown, publicExtract: boolean) =>
    call("POST", "/api/v1/notices", fr, { request, envelope: envelope("all"), publicExtract });

  const published = await notice(redRequest("KOVALENKO", "Anton", { facePhotos: [] }), true);
  await call("POST", `/api/v1/notices/${published.id}/submit`, fr, {});
  await call("POST", `/api/v1/notices/${published.id}/start-review`, gs, {});
  await call("POST", `/api/v1/notices/${published.id}/publish`, gs, {});
  const waiting = await notice(redRequest("OSTROVSKY", "Ilya", { facePhotos: [] }), false);
  await call("POST", `/api/v1/notices/${waiting.id}/submit`, fr, {});
  await notice(yellowRequest("MARTIN", "Lea"), false);

  await call("POST", "/api/v1/diffusions", fr, {
    kind: "arrest",
    recipients: ["US", "DE"],
    title: "Arrest request: Anton KOVALENKO",
    body: "Wanted for a bombing in Lyon; arrest warrant of 2 March 2026.",
    subject: { kind: "person", familyName: "KOVALENKO", forenames: "Anton", sex: "M" },
    sourceReliability: "B",
    informationAccuracy: 2,
    sourceType: "judicial",
  });

  const content = await login("fr.content");
  await call("POST", "/api/v1/content/banks", content, {
    name: "Attack videos",
    description: "Hashes of attack footage",
    envelope: envelope("all"),
  });
  const partners = (await call("GET", "/api/v1/content/partners", content)) as unknown as {
    items: { id: string }[];
  };
  const partner = partners.items[0];
  if (partner)
    await call("POST", "/api/v1/content/referrals", content, {
      partnerId: partner.id,
      url: "https://video.example/watch/12345",
      legalBasis: "voluntary",
      note: "Recruitment video",
    });
}
