import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../test/seeded-random.ts";
import { hamming } from "../../search/pdq/index.ts";
import { type BankMeta, ContentMatcher, type EntryMeta } from "./content.matcher.ts";

const bank: BankMeta = {
  id: "b1",
  name: "bank",
  owner: "FR",
  distribution: "all",
  distributionCountries: [],
  sharedWithAllPlatforms: false,
  sharedWithClients: [],
};
const viewer = { country: "FR", isSecretariat: false, platformClientId: null };

// Seeded: the same entries, updates and queries on every run; a failure names the seed to replay.
const SEED = 20261201;
const random = seededRandom(SEED);
const randomHash = () =>
  Buffer.from(Array.from({ length: 32 }, () => Math.floor(random() * 256))).toString("hex");

/** Flips `bits` distinct random bits of a hex hash. */
function near(hex: string, bits: number): string {
  const bytes = Buffer.from(hex, "hex");
  const picked = new Set<number>();
  while (picked.size < bits) picked.add(Math.floor(random() * 256));
  for (const b of picked) bytes[b >> 3] = (bytes[b >> 3] as number) ^ (1 << (b & 7));
  return bytes.toString("hex");
}

describe("ContentMatcher", () => {
  it(`stays equal to a linear scan through adds, relabels, retirements and reactivations (seed ${SEED})`, () => {
    const m = new ContentMatcher();
    m.putBank(bank);
    const live = new Map<number, EntryMeta>();
    const base = randomHash();
    const entry = (id: number, value: string, over: Partial<EntryMeta> = {}): EntryMeta => ({
      id,
      bankId: "b1",
      signalType: "pdq",
      value,
      quality: 90,
      labels: [],
      status: "active",
      contributedCountry: "FR",
      contributedUnit: null,
      firstSeen: "2026-01-01T00:00:00.000Z",
      ...over,
    });
    const first = Array.from({ length: 3000 }, (_, i) =>
      entry(i + 1, i % 3 ? near(base, i % 60) : randomHash()),
    );
    m.loadEntries(first);
    for (const e of first) live.set(e.id, e);
    for (let step = 0; step < 300; step++) {
      const id = 1 + Math.floor(random() * 3300);
      const old = live.get(id);
      const status = (["active", "disputed", "retired"] as const)[step % 3];
      const quality = step % 7 === 0 ? 30 : 80;
      const e = entry(id, old?.value ?? near(base, step % 50), { status, quality, labels: [`l${step}`] });
      m.putEntry(e);
      live.set(id, e);
    }
    let matched = 0;
    for (let q = 0; q < 20; q++) {
      const query = near(base, q);
      const want = [...live.values()]
        .filter((e) => e.status !== "retired" && (e.quality ?? 100) >= 50)
        .map((e) => [e.id, hamming(e.value, query)] as const)
        .filter(([, d]) => d <= 31)
        .map(([id, d]) => `${id}:${d}`)
        .sort();
      const got = m
        .matchPdq(query, 31, viewer)
        .map((r) => `${r.entry.id}:${r.distance}`)
        .sort();
      expect(got, `seed ${SEED}, query ${q}`).toEqual(want);
      matched += got.length;
    }
    // The comparison is not vacuous: the queries near the base find many of the entries.
    expect(matched, `seed ${SEED}`).toBe(15237);
  });

  it("matches digests exactly and hides banks the viewer may not see", () => {
    const m = new ContentMatcher();
    m.putBank({ ...bank, distribution: "only", distributionCountries: ["DE"] });
    const md5 = "0".repeat(32);
    m.putEntry({
      id: 1,
      bankId: "b1",
      signalType: "md5",
      value: md5,
      quality: null,
      labels: [],
      status: "active",
      contributedCountry: "FR",
      contributedUnit: null,
      firstSeen: "",
    });
    expect(m.matchExact("md5", md5, { ...viewer, country: "DE" })).toHaveLength(1);
    expect(m.matchExact("md5", md5, { ...viewer, country: "US" })).toHaveLength(0);
    expect(
      m.matchExact("md5", md5, { country: "DE", isSecretariat: false, platformClientId: "p1" }),
    ).toHaveLength(0);
    expect(m.matchExact("sha256", md5, viewer)).toHaveLength(0);
  });
});
