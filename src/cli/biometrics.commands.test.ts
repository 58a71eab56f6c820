import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { runFusion } from "../../test/cli-runner.ts";
import { withThrowawayDatabase } from "../../test/import-kill.ts";
import { sharedData, shippedReference } from "../../test/shared-data.ts";
import { bootstrap } from "../bootstrap.ts";
import { loadConfig } from "../config.ts";
import type { Deps } from "../deps.ts";
import { createServices } from "../services.ts";
import { type Actor, systemActor } from "../shared/actor.ts";

/*
 * `fusion biometrics` on each back end: a French bureau enrols the golden ISO/IEC 19794-2:2011
 * template on its person, shared with the United States only; a US search finds the person first
 * and above the threshold, a Kenyan search gets no candidate and nothing that hints at one, and
 * every refusal (a file that cannot be read, a malformed template, a photo without a face, an
 * unknown record, a person of another country) is one line on standard error, a non-zero exit and
 * nothing stored.
 */

const golden = readFileSync(
  shippedReference("fingerprints", "formats", "iso19794p2v2011", "iso19794p2v2011-sample.dat"),
);
const faces = sharedData("faces");

const bureau = (country: string): Actor => ({
  ...systemActor(country),
  role: "ncb_officer",
  isSecretariat: false,
});

type Candidate = { rank: number; score: number; aboveThreshold: boolean; recordId: string; owner: string };
type Search = { id: string; country: string; state: string; reason: string; candidates: Candidate[] };

function suite(title: string, database: () => Record<string, string>) {
  describe(title, () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "fusion-cli-bio-"));
    const env = () => ({ DATA_DIR: dir, FUSION_DEMO: "true", LOG_LEVEL: "silent", ...database() });
    const file = (name: string, bytes: Uint8Array) => {
      const p = path.join(dir, name);
      writeFileSync(p, bytes);
      return p;
    };
    const goldenFile = file("golden.dat", golden);
    // The golden template cut short: its header announces more bytes than follow.
    const truncatedFile = file("truncated.dat", golden.subarray(0, golden.length - 7));
    let person = "";
    let other = "";

    /** The database opened by the test itself (the CLI has let go of it), for what was stored. */
    async function stored() {
      const deps: Deps = await bootstrap(loadConfig(env()));
      try {
        const count = async (table: "biometric_templates" | "biometric_searches") =>
          Number(
            (
              await deps.db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll().as("n"))
                .executeTakeFirstOrThrow()
            ).n,
          );
        return { templates: await count("biometric_templates"), searches: await count("biometric_searches") };
      } finally {
        await deps.storage.close();
      }
    }

    /** Runs the command and checks that it was refused in one line, printing nothing else. */
    async function refused(...args: string[]) {
      const r = await runFusion(env(), ...args);
      expect(r.code).not.toBe(0);
      expect(r.out).toBe("");
      expect(r.err.split("\n")).toHaveLength(1);
      return r.err;
    }

    /** Checks that the refusals `fn` runs left no template and no search behind. */
    async function nothingStored(fn: () => Promise<void>) {
      const before = await stored();
      await fn();
      expect(await stored()).toEqual(before);
    }

    beforeAll(async () => {
      expect((await runFusion(env(), "migrate")).code).toBe(0);
      const deps = await bootstrap(loadConfig(env()));
      const services = createServices(deps);
      const envelope = (countries: string[]) => ({
        distribution: "only" as const,
        distributionCountries: countries,
        sourceReliability: "B" as const,
        informationAccuracy: 2,
        sourceType: "police" as const,
      });
      person = (
        await services.records.create(bureau("FR"), {
          schema: "Person",
          properties: { name: ["Karim Benali"], birthDate: ["1984-02-17"] },
          envelope: envelope(["US"]),
          source: "Case file 2026/12",
        })
      ).id;
      other = (
        await services.records.create(bureau("DE"), {
          schema: "Person",
          properties: { name: ["Dieter Brandt"] },
          envelope: envelope(["FR", "US"]),
          source: "Akte 2026/4",
        })
      ).id;
      // The CLI opens the same database: this process lets go of it first.
      await deps.storage.close();
    });

    it("enrols the golden template as the owner and prints the person's templates", async () => {
      const args = ["biometrics", "enrol", person, "--fingerprint", goldenFile];
      const r = await runFusion(env(), ...args, "--source", "Booking 2026/12", "--as", "FR", "--json");
      expect(r.code, r.err).toBe(0);
      const out = JSON.parse(r.out) as { created: boolean; templates: Record<string, unknown>[] };
      expect(out.created).toBe(true);
      expect(out.templates).toHaveLength(1);
      expect(out.templates[0]).toMatchObject({
        modality: "fingerprint",
        format: "iso-19794-2-2011",
        source: "Booking 2026/12",
        retractedAt: null,
      });
      // Enrolled again: kept once, and the lines a person reads say so.
      const again = await runFusion(env(), ...args, "--source", "Booking 2026/12", "--as", "FR");
      expect(again.code, again.err).toBe(0);
      expect(again.out).toContain("already enrolled");
      expect(again.out).toContain("iso-19794-2-2011");
    });

    it("finds the person for a country inside the distribution, first and above the threshold", async () => {
      const r = await runFusion(
        env(),
        ...["biometrics", "search", "--fingerprint", goldenFile, "--reason", "Case US-2026-17"],
        ...["--limit", "5", "--as", "US", "--json"],
      );
      expect(r.code, r.err).toBe(0);
      const s = JSON.parse(r.out) as Search;
      expect(s).toMatchObject({ country: "US", state: "pending", reason: "Case US-2026-17" });
      expect(s.candidates[0]).toMatchObject({ rank: 1, aboveThreshold: true, recordId: person, owner: "FR" });
      expect(r.err).toContain("awaits a person's decision");

      const lines = await runFusion(
        env(),
        ...["biometrics", "search", "--fingerprint", goldenFile, "--reason", "Case US-2026-18", "--as", "US"],
      );
      expect(lines.code, lines.err).toBe(0);
      expect(lines.out).toMatch(
        new RegExp(` 1\\. \\d\\.\\d{3} above threshold ${person} Karim Benali \\(owner FR\\)`),
      );
      expect(lines.out).toContain("awaits a person's decision at the bureau, in the web app");
    });

    it("gives a country outside the distribution no candidate and no hint of one", async () => {
      const r = await runFusion(
        env(),
        ...["biometrics", "search", "--fingerprint", goldenFile, "--reason", "Case KE-1", "--as", "KE"],
      );
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain("no candidate");
      expect(r.out).not.toContain(person);
      expect(r.out).not.toContain("Benali");
      const json = await runFusion(
        env(),
        ...[
          "biometrics",
          "search",
          "--fingerprint",
          goldenFile,
          "--reason",
          "Case KE-2",
          "--as",
          "KE",
          "--json",
        ],
      );
      expect(JSON.parse(json.out)).toMatchObject({ country: "KE", candidates: [] });
    });

    it("lists the country's searches, the pending ones with --pending", async () => {
      const r = await runFusion(env(), "biometrics", "searches", "--pending", "--as", "US", "--json");
      expect(r.code, r.err).toBe(0);
      const out = JSON.parse(r.out) as { items: { country: string; reason: string }[]; pending: number };
      expect(out.pending).toBe(2);
      expect(out.items.map((s) => s.reason)).toEqual(["Case US-2026-18", "Case US-2026-17"]);
      const ke = await runFusion(env(), "biometrics", "searches", "--as", "KE");
      expect(ke.code, ke.err).toBe(0);
      expect(ke.out.split("\n")[0]).toBe("2 awaiting a decision");
      expect(ke.out).not.toContain("US-2026");
    });

    it("refuses a malformed template, storing nothing", async () => {
      await nothingStored(async () => {
        const enrol = await refused(
          ...["biometrics", "enrol", person, "--fingerprint", truncatedFile, "--source", "b", "--as", "FR"],
        );
        expect(enrol).toMatch(/^error \(unprocessable\): The fingerprint template cannot be read/);
        const search = await refused(
          ...["biometrics", "search", "--fingerprint", truncatedFile, "--reason", "Case US-9", "--as", "US"],
        );
        expect(search).toMatch(/^error \(unprocessable\)/);
      });
    });

    it("refuses a file it cannot read, an unknown record and another country's person", async () => {
      await nothingStored(async () => {
        const missing = path.join(dir, "no-such.dat");
        expect(
          await refused("biometrics", "search", "--fingerprint", missing, "--reason", "r", "--as", "US"),
        ).toBe(`error: ${missing}: cannot be read (ENOENT)`);
        expect(
          await refused(
            ...["biometrics", "enrol", "00000000-0000-4000-8000-000000000001", "--fingerprint", goldenFile],
            ...["--source", "b", "--as", "FR"],
          ),
        ).toBe("error (not_found): No such record.");
        // France sees the German person but does not own it.
        expect(
          await refused(
            "biometrics",
            "enrol",
            other,
            "--fingerprint",
            goldenFile,
            "--source",
            "b",
            "--as",
            "FR",
          ),
        ).toBe("error (forbidden): Only the owner of a record may change it.");
        expect(await refused("biometrics", "search", "--reason", "r", "--as", "US")).toContain(
          "exactly one of --fingerprint",
        );
      });
    });

    it("refuses a photo without a face, storing nothing", async () => {
      await nothingStored(async () => {
        const blank = file(
          "blank.jpg",
          await sharp({ create: { width: 320, height: 320, channels: 3, background: "#8a8a8a" } })
            .jpeg()
            .toBuffer(),
        );
        expect(
          await refused("biometrics", "enrol", person, "--face", blank, "--source", "b", "--as", "FR"),
        ).toMatch(/^error \(unprocessable\): /);
        expect(await refused("biometrics", "search", "--face", blank, "--reason", "r", "--as", "US")).toMatch(
          /^error \(unprocessable\): /,
        );
      });
    });

    it.skipIf(!faces.available)(
      `enrols a face photo and finds it from another photo ${faces.note}`,
      async () => {
        const photo = (name: string) => path.join(faces.path, "london", name);
        const enrol = await runFusion(
          env(),
          ...["biometrics", "enrol", person, "--face", photo("001_neutral.jpg"), "--source", "Booking photo"],
          ...["--as", "FR", "--json"],
        );
        expect(enrol.code, enrol.err).toBe(0);
        const templates = (JSON.parse(enrol.out) as { templates: { modality: string; photoId: number }[] })
          .templates;
        expect(templates.find((t) => t.modality === "face")?.photoId).toEqual(expect.any(Number));
        const r = await runFusion(
          env(),
          ...["biometrics", "search", "--face", photo("001_smiling.jpg"), "--reason", "Case US-F1"],
          ...["--as", "US", "--json"],
        );
        expect(r.code, r.err).toBe(0);
        expect((JSON.parse(r.out) as Search).candidates[0]).toMatchObject({ rank: 1, recordId: person });
      },
    );
  });
}

suite("fusion biometrics on the embedded database", () => ({}));

const url = process.env.DATABASE_URL;
describe.skipIf(!url)("on PostgreSQL", () => {
  const db = withThrowawayDatabase(url, `fusion_bio_cli_${process.pid}`);
  suite("fusion biometrics", () => ({ DATABASE_URL: db.url }));
});
