import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import type { Actor } from "../../shared/actor.ts";
import { envelope, redRequest } from "./notices.fixtures.ts";
import { drawnFace } from "./notices.photos.fixtures.ts";

/*
 * The notice as a PDF file: read back with a real PDF reader (pdf.js), it holds the notice number,
 * the names as written (Cyrillic and Arabic too), the offences and the handling code on every page;
 * it is served exactly to whoever reads the notice, and each download is audited.
 */

async function pdfPages(bytes: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ("str" in it ? it.str : "")).join(" "));
  }
  await doc.destroy();
  return pages;
}

describe.each(backends)("notice PDF file on %s", (kind) => {
  let t: TestContext;
  let fr: Actor;
  let gs: Actor;
  let noticeId: string;
  let number: string;

  beforeAll(async () => {
    t = await createTestContext({ kind });
    fr = await t.user("fr.printer", "ncb_officer", "FR");
    await t.user("de.printer", "ncb_officer", "DE");
    gs = await t.user("gs.printer", "gs_reviewer", "XG");
    const request = redRequest("KOVALENKO", "Anton", {
      nameOriginalScript: "Антон Коваленко",
      aliases: ["أنطون كوفالينكو"],
    });
    const n = await t.services.notices.create(fr, {
      request: { ...request, summary: { language: "en", text: "Long facts. ".repeat(600) } },
      envelope: { ...envelope("except", ["DE"]), handlingCode: "H2" },
    });
    await t.services.notices.addPhoto(fr, n.id, await drawnFace(0));
    await t.services.notices.transition(fr, n.id, "submit");
    await t.services.notices.transition(gs, n.id, "start_review");
    const p = await t.services.notices.transition(gs, n.id, "publish");
    noticeId = n.id;
    number = p.noticeNumber as string;
  });
  afterAll(() => t?.close());

  it("downloads a PDF file with the number, the names in their scripts and the handling code on each page", async () => {
    const { headers } = await t.login("fr.printer");
    const res = await t.app.inject({ method: "GET", url: `/api/v1/notices/${noticeId}/pdf`, headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="notice-red-${number.replace("/", "-")}.pdf"`,
    );
    expect(res.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const pages = await pdfPages(res.rawPayload);
    // The long summary takes the file past one page; every page carries band, number and handling.
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(page).toContain("RED NOTICE");
      expect(page).toContain(number);
      expect(page).toContain("Handling H2");
    }
    const all = pages.join("\n");
    for (const text of ["KOVALENKO", "Антон Коваленко", "أنطون", "كوفالينكو", "Art. 221-1 CP", "360 months"])
      expect(all).toContain(text);
    expect(all).toContain("All member countries except: DE");

    const audit = await t.deps.db
      .selectFrom("audit_log")
      .select(["action", "detail"])
      .where("record_id", "=", noticeId)
      .where("action", "=", "notice.pdf")
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ owner: "FR", photos: 1 }) }),
    ]);
  });

  it("refuses the file to a country outside the distribution, as if there were no notice", async () => {
    const { headers } = await t.login("de.printer");
    const before = await t.rowCount("audit_log");
    const res = await t.app.inject({ method: "GET", url: `/api/v1/notices/${noticeId}/pdf`, headers });
    expect(res.statusCode).toBe(404);
    expect(await t.rowCount("audit_log")).toBe(before);
    const anonymous = await t.app.inject({ method: "GET", url: `/api/v1/notices/${noticeId}/pdf` });
    expect(anonymous.statusCode).toBe(401);
  });
});
