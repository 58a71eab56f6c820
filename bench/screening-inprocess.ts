/**
 * The in-process side of the screening speed benchmark: a `Watchlist` (the class a screening node
 * holds: name engine, listed persons' documents, the reported documents' number table) built from
 * the generated data without a database, and one traveller checked the way the node's screener
 * does before its database reads (names with date of birth, nationality and sex; the listed
 * persons' documents; the number table). The few database reads a node adds (a confirming read when
 * the number table says a document may exist, reference and caption of each match) are measured
 * over HTTP. Also the entry point of the worker threads of the two-core measurement.
 */
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { POSSIBLE_MARGIN } from "../src/features/screening/screening.screen.ts";
import { listingOfProperties } from "../src/features/screening/screening.subjects.ts";
import { type ListedMeta, Watchlist } from "../src/features/screening/watchlist.ts";
import { MATCH_THRESHOLD } from "../src/search/screening/index.ts";
import { generatePersons, toFtmProperties } from "./persons-data.ts";
import { documentAt, indexOfReference, PERSON_SEED, type Traveller } from "./screening-data.ts";

export const VIEWER = { country: "US", isSecretariat: false };
const REVIEW_AT = "2030-01-01";

/** Nine in ten shared with all, one in twenty only with France and Germany, one in twenty with all but the US. */
export function distributionOf(i: number): { distribution: ListedMeta["distribution"]; countries: string[] } {
  if (i % 20 === 3) return { distribution: "only", countries: ["FR", "DE"] };
  if (i % 20 === 7) return { distribution: "except", countries: ["US"] };
  return { distribution: "all", countries: [] };
}

export function buildPersons(w: Watchlist, persons: number): number {
  let names = 0;
  for (const p of generatePersons(persons, PERSON_SEED)) {
    const { distribution, countries } = distributionOf(p.index);
    w.put(
      {
        kind: "person",
        sourceId: p.reference,
        owner: p.owner,
        distribution,
        distributionCountries: countries,
        reviewAt: REVIEW_AT,
        validUntil: null,
        discreet: false,
        category: "person",
      },
      listingOfProperties(toFtmProperties(p)),
    );
    names += 1 + p.aliases.length + p.weakAliases.length;
  }
  return names;
}

export function buildDocuments(w: Watchlist, documents: number): void {
  w.documents.reserve(documents);
  for (let i = 0; i < documents; i++) w.documents.add(documentAt(i).number);
}

export type CheckOutcome = {
  nameMatches: number;
  persons: number[];
  documentMayExist: boolean;
  holders: number;
};

/** One traveller, as the node's screener does it before any database read. */
export function checkTraveller(w: Watchlist, t: Traveller, today: string, now: number): CheckOutcome {
  const names = w.searchNames(
    {
      name: t.name,
      ...(t.birthDate ? { birthDate: t.birthDate } : {}),
      ...(t.nationality ? { nationality: t.nationality } : {}),
      ...(t.sex ? { sex: t.sex } : {}),
    },
    VIEWER,
    today,
    now,
    MATCH_THRESHOLD - POSSIBLE_MARGIN,
  );
  const holders = w.holdersOf(t.documentNumber, VIEWER, today, now);
  return {
    nameMatches: names.filter((m) => m.match).length,
    persons: names.map((m) => indexOfReference(m.meta.sourceId)),
    documentMayExist: w.documents.mayHold(t.documentNumber),
    holders: holders.length,
  };
}

/** Runs the travellers once; per-traveller times in ms and the whole wall time. */
export function runAll(w: Watchlist, travellers: readonly Traveller[]): { times: number[]; wallMs: number } {
  const today = new Date().toISOString().slice(0, 10);
  const now = Date.now();
  const times = new Array<number>(travellers.length);
  const t0 = performance.now();
  for (let i = 0; i < travellers.length; i++) {
    const s = performance.now();
    checkTraveller(w, travellers[i] as Traveller, today, now);
    times[i] = performance.now() - s;
  }
  return { times, wallMs: performance.now() - t0 };
}

/*
 * Worker thread: builds its own watchlist (nothing shared with the other worker or the main
 * thread), says so, then on each "run" message screens the travellers `rounds` times and answers
 * with the travellers per second of each round.
 */
type WorkerInput = { persons: number; documents: number; travellers: Traveller[] };
if (!isMainThread && parentPort && (workerData as { screeningBench?: boolean })?.screeningBench) {
  const port = parentPort;
  const { persons, documents, travellers } = workerData as WorkerInput;
  const w = new Watchlist();
  const t0 = performance.now();
  buildPersons(w, persons);
  buildDocuments(w, documents);
  port.postMessage({ type: "built", ms: performance.now() - t0 });
  port.on("message", (m: { type: string; rounds: number; offset: number }) => {
    if (m.type !== "run") return;
    // Each worker starts at its own place in the list, so they do not screen the same traveller together.
    const order = [...travellers.slice(m.offset), ...travellers.slice(0, m.offset)];
    runAll(w, order.slice(0, 200)); // warm-up
    const qps: number[] = [];
    for (let r = 0; r < m.rounds; r++) {
      const { wallMs } = runAll(w, order);
      qps.push(order.length / (wallMs / 1000));
    }
    port.postMessage({ type: "done", qps });
  });
}
