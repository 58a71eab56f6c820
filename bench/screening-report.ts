/**
 * The screening speed benchmark's figures and the table it prints, ready for BENCHMARKS.md.
 */

import type { HttpRun } from "./screening-http.ts";
import type { PgLoad } from "./screening-postgres.ts";

type Lat = { p50: number; p99: number; n: number };
type Scan = Lat & { qps: number; compared: number; found: string };

export type Report = {
  machine: string;
  persons: number;
  documents: number;
  travellers: number;
  loadStart: string;
  loadEnd?: string;
  wallS?: number;
  peakRss?: number;
  names?: number;
  personsBuildMs?: number;
  documentsBuildMs?: number;
  personHeapBytes?: number;
  personEngineBytes?: number;
  documentTableBytes?: number;
  documentHeapBytes?: number;
  documentLookupNs?: number;
  inProcess?: { p50: number; p99: number; qps: number; rounds: number };
  engineFound?: string;
  nameHits?: number;
  stolenFound?: string;
  documentFalse?: number;
  workers?: number;
  workerBuildMs?: number[];
  oneWorkerQps?: number;
  allWorkersQps?: number;
  scanBuildMs?: number;
  scanHeapBytes?: number;
  scanJw?: Scan;
  scanCompare?: Scan;
  pgLoad?: PgLoad;
  pgDocuments?: number;
  pg?: Lat & { names: Lat; docs: Lat; qps1: number; qps2: number; found: string };
  http?: HttpRun;
};

const n = (x: number) => x.toLocaleString("en");
const ms = (x: number | undefined) =>
  x === undefined || Number.isNaN(x)
    ? "-"
    : x < 1
      ? `${(x * 1000).toFixed(0)} µs`
      : x < 100
        ? `${x.toFixed(2)} ms`
        : `${x.toFixed(0)} ms`;
const s = (x: number | undefined) => (x === undefined ? "-" : `${(x / 1000).toFixed(1)} s`);
const per = (x: number | undefined) => (x === undefined ? "-" : `${n(Math.round(x))}/s`);
const bytes = (x: number | undefined) => (x === undefined ? "-" : `${x.toFixed(1)} B`);
const mib = (x: number) => `${(x / 2 ** 20).toFixed(0)} MiB`;

export function printReport(r: Report): void {
  const rows: [string, string, string, string][] = [];
  const add = (what: string, ours: string, scan: string, pg: string) => rows.push([what, ours, scan, pg]);
  const pgLabel =
    r.pgDocuments !== undefined && r.pgDocuments !== r.documents ? ` (documents: ${n(r.pgDocuments)})` : "";
  add(
    "one traveller in process, p50 / p99",
    r.inProcess ? `${ms(r.inProcess.p50)} / **${ms(r.inProcess.p99)}**` : "-",
    r.scanJw ? `${ms(r.scanJw.p50)} / ${ms(r.scanJw.p99)} (${r.scanJw.n} travellers)` : "-",
    r.pg ? `${ms(r.pg.p50)} / ${ms(r.pg.p99)} (${r.pg.n} travellers)` : "-",
  );
  add(
    "... of which names / documents (p50)",
    r.documentLookupNs !== undefined ? `- / ${r.documentLookupNs.toFixed(0)} ns a number-table lookup` : "-",
    "names only",
    r.pg ? `${ms(r.pg.names.p50)} / ${ms(r.pg.docs.p50)}` : "-",
  );
  add(
    "travellers per second, one core",
    r.inProcess ? per(r.inProcess.qps) : "-",
    r.scanJw ? per(r.scanJw.qps) : "-",
    r.pg ? `${per(r.pg.qps1)} (one connection)` : "-",
  );
  add(
    "travellers per second, 2 cores",
    r.allWorkersQps !== undefined
      ? `**${per(r.allWorkersQps)}** (${r.workers} worker threads, nothing shared; one alone ${per(r.oneWorkerQps)})`
      : "-",
    "-",
    r.pg ? `${per(r.pg.qps2)} (two connections)` : "-",
  );
  add(
    "listed travellers found (their person or its duplicate in the answer)",
    r.engineFound ?? "-",
    r.scanJw ? `${r.scanJw.found} (of those run)` : "-",
    r.pg ? `${r.pg.found} (of those run)` : "-",
  );
  add(
    "index build",
    r.personsBuildMs !== undefined
      ? `persons ${s(r.personsBuildMs)}, documents ${s(r.documentsBuildMs)}${r.workerBuildMs ? `; in ${r.workers} workers at once ${r.workerBuildMs.map(s).join(", ")}` : ""}`
      : "-",
    s(r.scanBuildMs),
    r.pgLoad
      ? `names COPY ${s(r.pgLoad.namesMs)} + GIN ${s(r.pgLoad.ginMs)}; documents COPY ${s(r.pgLoad.docsMs)} + btree ${s(r.pgLoad.btreeMs)}`
      : "-",
  );
  add(
    "memory per person",
    r.personHeapBytes !== undefined
      ? `**${bytes(r.personHeapBytes)}** (whole Watchlist, heap growth; engine's own estimate ${bytes(r.personEngineBytes)})`
      : "-",
    r.scanHeapBytes !== undefined ? `${bytes(r.scanHeapBytes)} (heap growth)` : "-",
    r.pgLoad ? `${bytes(r.pgLoad.namesBytes / r.persons)} on disk (table + GIN)` : "-",
  );
  add(
    "memory per travel document",
    r.documentTableBytes !== undefined
      ? `**${bytes(r.documentTableBytes)}** (number table; heap growth ${bytes(r.documentHeapBytes)})`
      : "-",
    "-",
    r.pgLoad && r.pgDocuments ? `${bytes(r.pgLoad.docsBytes / r.pgDocuments)} on disk (table + btree)` : "-",
  );
  if (r.scanCompare)
    add(
      "straightforward scorer with the engine's compareNames instead of Jaro-Winkler, p50 / p99",
      "-",
      `${ms(r.scanCompare.p50)} / ${ms(r.scanCompare.p99)} (${r.scanCompare.n} travellers, ${per(r.scanCompare.qps)})`,
      "-",
    );

  console.log(
    `\nmachine: ${r.machine}; load ${r.loadStart} at start, ${r.loadEnd ?? "-"} at end; whole run ${r.wallS?.toFixed(0)} s; peak RSS ${r.peakRss ? mib(r.peakRss) : "-"}`,
  );
  console.log(
    `data: ${n(r.persons)} persons (${r.names ? n(r.names) : "?"} names), ${n(r.documents)} travel documents, ${n(r.travellers)} travellers (half listed, half not; 3 % with a reported document)`,
  );
  if (r.inProcess)
    console.log(
      `answers: ${r.nameHits} of ${n(r.travellers)} travellers with a name match; reported documents flagged ${r.stolenFound}; numbers flagged that nobody reported ${r.documentFalse}`,
    );
  if (r.scanJw)
    console.log(`straightforward scorer: median ${n(r.scanJw.compared)} candidates compared per traveller`);
  console.log(`medians of ${r.inProcess?.rounds ?? 1} rounds where rounds apply`);
  console.log(
    `\n| measure | this engine (Watchlist) | straightforward scorer (token index + Jaro-Winkler) | PostgreSQL pg_trgm + fuzzystrmatch, btree${pgLabel} |`,
  );
  console.log("| --- | --- | --- | --- |");
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);

  const h = r.http;
  if (h) {
    console.log(
      `\nOver HTTP (${h.backend}, the screening node's app; ${n(h.persons)} persons and ${n(h.documents)} documents in its database; load ${s(h.loadMs)}, watchlist built from the database in ${s(h.buildMs)}):`,
    );
    console.log("\n| measure | value |\n| --- | --- |");
    console.log(
      `| POST /api/v1/screening/check, p50 / p99 (${h.check.n}, one keep-alive connection) | ${ms(h.check.p50)} / **${ms(h.check.p99)}** |`,
    );
    console.log(
      `| ... without a hit (audit row only), p50 / p99 (${h.checkNoHit.n}) | ${ms(h.checkNoHit.p50)} / ${ms(h.checkNoHit.p99)} |`,
    );
    console.log(
      `| ... with a hit (hit, outbox and audit rows), p50 / p99 (${h.checkHit.n}) | ${ms(h.checkHit.p50)} / ${ms(h.checkHit.p99)} |`,
    );
    console.log(
      `| the audit row alone (one transaction), p50 / p99 | ${ms(h.auditAlone.p50)} / ${ms(h.auditAlone.p99)} |`,
    );
    console.log(`| checks per second, ${h.concurrency} connections at once | ${per(h.qpsConcurrent)} |`);
    if (h.errors) console.log(`| checks answered with an error (not 200) | ${h.errors} |`);
    console.log(
      `| 300-passenger manifest (CSV), end to end, median of ${h.manifestMs.length} | ${s(median(h.manifestMs))} (${(median(h.manifestMs) / 300).toFixed(2)} ms a passenger; ${h.manifestHits} hits in the last) |`,
    );
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
