import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { importDemoUnList } from "./demo.un-list.ts";

describe.each(backends)("the demo's UN Special Notices from the shipped list on %s", (kind) => {
  let t: TestContext;
  const lines: string[] = [];
  const log = {
    info: (m: string) => lines.push(`info ${m}`),
    error: (m: string) => lines.push(`error ${m}`),
  };
  let base = "";
  beforeAll(async () => {
    t = await createTestContext({ kind });
    // Real HTTP, as in the demo: a request arrives through the event loop's I/O, so it is answered
    // during the import only if the import leaves the event loop and the connection free.
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const addr = t.app.server.address();
    base = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  });
  afterAll(() => t?.close());

  const persons = async () => {
    const res = await fetch(`${base}/notices/v1/un/persons?resultPerPage=1`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { total: number }).total;
  };

  it("logs a failure and lets the server run on", async () => {
    const failed: string[] = [];
    const quiet = {
      info: (m: string) => failed.push(`info ${m}`),
      error: (m: string) => failed.push(`error ${m}`),
    };
    expect(await importDemoUnList(t.services, quiet, "/nonexistent/un.xml.gz")).toBeNull();
    expect(failed).toEqual([
      "info UN Special Notices: importing /nonexistent/un.xml.gz in the background",
      expect.stringMatching(
        /^error UN Special Notices: import of .+ failed: ENOENT: no such file.+; retry with: fusion import un-list /,
      ),
    ]);
    expect(await persons()).toBe(0);
  });

  it("imports in the background while requests are answered, then skips on the next start", async () => {
    let finished = false;
    const running = importDemoUnList(t.services, log).finally(() => {
      finished = true;
    });
    // Requests interleave with the import (one entry per transaction): once the first notices are
    // public, requests are answered while the import is still running and see part of the list.
    let first = 0;
    while (first === 0 && !finished) first = await persons();
    const during: Array<{ finished: boolean; partial: boolean }> = [];
    for (let i = 0; i < 5; i++) {
      const total = await persons();
      during.push({ finished, partial: total > 0 && total < 390 });
    }
    expect(during).toEqual(Array(5).fill({ finished: false, partial: true }));

    const report = await running;
    expect(report).toMatchObject({ generatedAt: "2024-09-26T00:00:07.514Z", created: 484, ended: 0 });
    expect(await persons()).toBe(390);
    const shipped = "reference/un/un-sc-consolidated-2024-09-26.xml.gz";
    expect(lines.slice(0, 6)).toEqual([
      `info UN Special Notices: importing ${shipped} in the background`,
      "info UN Special Notices: 100 of 484 entries",
      "info UN Special Notices: 200 of 484 entries",
      "info UN Special Notices: 300 of 484 entries",
      "info UN Special Notices: 400 of 484 entries",
      expect.stringMatching(
        /^info UN Special Notices: list of 2024-09-26T00:00:07.514Z imported in \d+\.\d s: created 484, updated 0, unchanged 0, ended 0$/,
      ),
    ]);

    expect(await importDemoUnList(t.services, log)).toBeNull();
    expect(lines.slice(6)).toEqual([
      `info UN Special Notices: already imported (390 persons); not importing ${shipped}`,
    ]);
  });
});
