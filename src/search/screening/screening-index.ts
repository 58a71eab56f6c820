import { parseDateOfBirth } from "../dates.ts";
import { type Alignment, alignNames, joinedToken, PART_MIN } from "./align-names.ts";
import { dayNumber, readQueryDate } from "./birth-dates.ts";
import { explainName } from "./compare-names.ts";
import {
  type Explanation,
  type ScreeningSubject,
  scoreSubject,
  type TravellerQuery,
  WEAK_ALIAS_FACTOR,
} from "./explanation.ts";
import { contentTokens, type NameToken, type ParsedName, parseName } from "./parse-name.ts";
import { Postings } from "./postings.ts";
import { placeWords } from "./qualifiers.ts";
import { type PackedDate, RecordStore } from "./record-store.ts";
import { type TokenMatch, tokenSimilarity } from "./token-similarity.ts";
import { type VocabToken, Vocabulary } from "./vocabulary.ts";

/*
 * The in-memory screening index. Adding a person parses each of its names once, interns the parts
 * in the shared vocabulary, packs the record and posts its id under each distinct part. A search
 * parses the query, finds for each query part the vocabulary parts it may match (blocking keys),
 * adds up per person how many query parts found one of its parts (typed-array accumulators, no
 * allocation per candidate), keeps the persons that agree on enough parts, and scores only the
 * best few hundred of those in full (alignment, date of birth, qualifiers).
 */

export const MATCH_THRESHOLD = 0.8;

export type ScreeningMatch = { id: number; score: number; match: boolean; explanation: Explanation };
export type SearchOptions = { limit?: number; threshold?: number; accept?: (id: number) => boolean };

const pad = (n: number) => String(n).padStart(2, "0");

/** At most this many candidates (best by blocking agreement) are scored in full. */
const FULL_SCORE_LIMIT = 100;
/** A query part whose postings exceed this is not used to find candidates when rarer parts exist. */
const COMMON_PART = 60_000;

type QueryName = {
  text: string;
  parsed: ParsedName;
  content: NameToken[];
  similar: Map<number, TokenMatch>[];
};

/** `covers`: how many query parts it stands for (2 for two adjacent parts joined). */
type QueryPart = { token: NameToken; similar: Map<number, TokenMatch>; volume: number; covers: number };

export class ScreeningIndex {
  private readonly vocabulary = new Vocabulary();
  private readonly records = new RecordStore();
  private readonly postings = new Postings();
  private readonly places = new Map<string, number>();
  private readonly placeWords: string[] = [];
  /* The span of each person's dates of birth (day numbers, 0 = none), read while ranking
   * candidates so that, among many namesakes, those born when the traveller was come first. */
  private dobFrom = new Int32Array(1024);
  private dobTo = new Int32Array(1024);
  private acc = new Float32Array(0);
  private best = new Float32Array(0);
  private hits = new Uint8Array(0);
  private last = new Int8Array(0);

  get size(): number {
    return this.records.size;
  }

  add(id: number, subject: ScreeningSubject): void {
    if (!Number.isInteger(id) || id < 0 || id >= 2 ** 31) throw new RangeError(`bad screening id ${id}`);
    if (this.records.has(id)) this.remove(id);
    const names = [
      ...subject.names.map((n) => ({ n, weak: false })),
      ...(subject.weakNames ?? []).map((n) => ({ n, weak: true })),
    ].flatMap(({ n, weak }) => {
      const parts = parseName(n).tokens.map((t) => this.vocabulary.intern(t));
      return parts.length ? [{ parts, weak }] : [];
    });
    const dates: PackedDate[] = [];
    for (const d of subject.birthDates ?? []) {
      const p = parseDateOfBirth(d);
      if (typeof p !== "string")
        dates.push({ from: p.from, to: p.to, precision: p.precision, approximate: p.approximate });
    }
    const places = (subject.birthPlaces ?? []).flatMap(placeWords).map((w) => this.placeId(w));
    const nationalities = (subject.nationalities ?? [])
      .filter((c) => /^[A-Za-z]{2}$/.test(c))
      .map((c) => c.toUpperCase());
    this.records.put(id, { names, dates, nationalities, sex: subject.sex ?? null, places });
    this.setDateSpan(id, dates);
    for (const part of this.records.partIds(id)) this.postings.add(part, id);
  }

  private setDateSpan(id: number, dates: PackedDate[]) {
    if (id >= this.dobFrom.length) {
      const size = Math.max(id + 1, Math.ceil(this.dobFrom.length * 1.5));
      const from = new Int32Array(size);
      const to = new Int32Array(size);
      from.set(this.dobFrom);
      to.set(this.dobTo);
      this.dobFrom = from;
      this.dobTo = to;
    }
    // Approximate dates are widened by two years either side, as the date rule reads them.
    const spans = dates.map((d) => [
      dayNumber(d.from) - (d.approximate ? 731 : 0),
      dayNumber(d.to) + (d.approximate ? 731 : 0),
    ]);
    this.dobFrom[id] = spans.length ? Math.min(...spans.map((x) => x[0] as number)) : 0;
    this.dobTo[id] = spans.length ? Math.max(...spans.map((x) => x[1] as number)) : 0;
  }

  /** Ranking bonus of a person's dates against the query's span: agrees, unknown, or not. */
  private dateBonus(id: number, from: number, to: number): number {
    const f = this.dobFrom[id] as number;
    if (from === 0 || f === 0) return 0;
    const t = this.dobTo[id] as number;
    if (to >= f && from <= t) return f === t && from === to ? 0.8 : 0.4;
    return from - t > 400 || f - to > 400 ? -0.6 : -0.2;
  }

  remove(id: number): void {
    if (!this.records.has(id)) return;
    this.dobFrom[id] = 0;
    this.dobTo[id] = 0;
    for (const part of this.records.partIds(id)) this.postings.remove(part, id);
    this.records.remove(id);
  }

  private placeId(word: string): number {
    let id = this.places.get(word);
    if (id === undefined) {
      id = this.placeWords.length;
      this.places.set(word, id);
      this.placeWords.push(word);
    }
    return id;
  }

  /** The vocabulary parts each query part may match, with the match. */
  private queryParts(parsed: ParsedName[]): QueryPart[] {
    const seen = new Set<string>();
    const out: QueryPart[] = [];
    for (const p of parsed) {
      const content = contentTokens(p).filter((t) => t.kind === "word");
      // Two adjacent parts joined: finds "Shahidkhel" from "Shahid Khel", "Abubakar" from "Abu Bakar".
      const joined = content.slice(1).map((t, k) => joinedToken([content[k] as NameToken, t]));
      for (const [k, token] of [...content, ...joined].entries()) {
        if (seen.has(token.text)) continue;
        seen.add(token.text);
        const similar = new Map<number, TokenMatch>();
        let volume = 0;
        this.vocabulary.neighbours(token, (id) => {
          if (similar.has(id)) return;
          const m = tokenSimilarity(token, this.vocabulary.tokens[id] as NameToken);
          similar.set(id, m);
          if (m.score >= PART_MIN) volume += this.postings.count(id);
        });
        out.push({ token, similar, volume, covers: k < content.length ? 1 : 2 });
      }
    }
    return out.slice(0, 24);
  }

  private ensureScratch() {
    const n = this.records.idCapacity;
    if (this.acc.length >= n) return;
    this.acc = new Float32Array(n);
    this.best = new Float32Array(n);
    this.hits = new Uint8Array(n);
    this.last = new Int8Array(n).fill(-1);
  }

  /** Candidate ids, best blocking agreement first, at most FULL_SCORE_LIMIT, all accepted. */
  private candidates(parts: QueryPart[], dob: [number, number], accept?: (id: number) => boolean): number[] {
    this.ensureScratch();
    const order = parts
      .map((_, i) => i)
      .sort((a, b) => (parts[a] as QueryPart).volume - (parts[b] as QueryPart).volume);
    const used = order.filter((i, k) => k < 2 || (parts[i] as QueryPart).volume <= COMMON_PART);
    const need = Math.min(
      2,
      used.reduce((n, i) => n + ((parts[i] as QueryPart).covers === 1 ? 1 : 0), 0) || 1,
    );
    const touched: number[] = [];
    const { acc, best, hits, last } = this;
    for (const i of used) {
      for (const [vid, m] of (parts[i] as QueryPart).similar) {
        if (m.score < PART_MIN) continue;
        const s = m.score;
        this.postings.forEach(vid, (p) => {
          if (last[p] === -1) touched.push(p);
          if (last[p] !== i) {
            last[p] = i;
            best[p] = s;
            acc[p] = (acc[p] as number) + s;
            hits[p] = (hits[p] as number) + (parts[i] as QueryPart).covers;
          } else if (s > (best[p] as number)) {
            acc[p] = (acc[p] as number) + s - (best[p] as number);
            best[p] = s;
          }
        });
      }
    }
    // Select the best by a histogram of the accumulated agreement (linear, no sort of thousands).
    const bins = new Uint32Array(16 * 32 + 1);
    const kept: number[] = [];
    for (const p of touched) {
      if ((hits[p] as number) >= need && (!accept || accept(p))) {
        kept.push(p);
        acc[p] = Math.max(0, (acc[p] as number) + this.dateBonus(p, dob[0], dob[1]));
        const bin = Math.min(bins.length - 1, Math.floor((acc[p] as number) * 32));
        bins[bin] = (bins[bin] as number) + 1;
      }
    }
    let cut = 0;
    for (let b = bins.length - 1, total = 0; b >= 0; b--) {
      total += bins[b] as number;
      if (total >= FULL_SCORE_LIMIT) {
        cut = b;
        break;
      }
    }
    const out = kept.filter((p) => Math.floor((acc[p] as number) * 32) >= cut);
    out.sort((a, b) => (acc[b] as number) - (acc[a] as number));
    for (const p of touched) {
      acc[p] = 0;
      hits[p] = 0;
      last[p] = -1;
    }
    return out.slice(0, FULL_SCORE_LIMIT);
  }

  search(q: TravellerQuery, options: SearchOptions = {}): ScreeningMatch[] {
    const limit = options.limit ?? 10;
    const threshold = options.threshold ?? MATCH_THRESHOLD;
    const texts = [q.name, [q.givenNames, q.surname].filter(Boolean).join(" ")].filter(
      (t) => t.trim() !== "",
    );
    const queryNames = [...new Set(texts)].map((text) => ({ text, parsed: parseName(text) }));
    if (queryNames.length === 0) return [];
    const parts = this.queryParts(queryNames.map((n) => n.parsed));
    // Each query name's parts share the similarity caches filled while blocking.
    const named: QueryName[] = queryNames.map((n) => {
      const content = contentTokens(n.parsed);
      return {
        ...n,
        content,
        similar: content.map((t) => parts.find((p) => p.token.text === t.text)?.similar ?? new Map()),
      };
    });
    const scored: { id: number; score: number; run: () => Explanation }[] = [];
    const qd = readQueryDate(q.birthDate);
    const dob: [number, number] = qd
      ? [
          dayNumber(`${qd.year}-${pad(qd.month ?? 1)}-${pad(qd.day ?? 1)}`),
          qd.day
            ? dayNumber(`${qd.year}-${pad(qd.month ?? 1)}-${pad(qd.day)}`)
            : dayNumber(`${qd.year}-${pad(qd.month ?? 12)}-${pad(qd.month ? 28 : 31)}`),
        ]
      : [0, 0];
    for (const id of this.candidates(parts, dob, options.accept)) {
      const r = this.scoreCandidate(id, q, named, threshold);
      if (r.score >= threshold) scored.push(r);
    }
    scored.sort((a, b) => b.score - a.score || a.id - b.id);
    return scored.slice(0, limit).map((r) => ({
      id: r.id,
      score: r.score,
      match: r.score >= MATCH_THRESHOLD,
      explanation: r.run(),
    }));
  }

  private scoreCandidate(id: number, q: TravellerQuery, queryNames: QueryName[], threshold: number) {
    const record = this.records.read(id);
    let best:
      | {
          alignment: Alignment;
          effective: number;
          qn: (typeof queryNames)[number];
          listed: ParsedName;
          weak: boolean;
        }
      | undefined;
    for (const name of record.names) {
      const tokens = name.parts.map((p) => this.vocabulary.tokens[p] as VocabToken);
      const listed: ParsedName = {
        tokens,
        dropped: [],
        script: tokens.find((t) => t.script !== "Latn")?.script ?? "Latn",
        legalForms: [],
      };
      for (const qn of queryNames) {
        const alignment = alignNames(qn.parsed, listed, {
          scorer: (qi, b) => {
            const similar = qn.similar[qi];
            const vid = (b as VocabToken).id;
            let m = similar?.get(vid);
            if (!m) {
              m = tokenSimilarity(qn.content[qi] as NameToken, b);
              similar?.set(vid, m);
            }
            return m;
          },
        });
        const effective = name.weak ? alignment.score * WEAK_ALIAS_FACTOR : alignment.score;
        if (!best || effective > best.effective) best = { alignment, effective, qn, listed, weak: name.weak };
      }
    }
    if (!best) return { id, score: 0, run: () => ({}) as Explanation };
    const text = best.listed.tokens.map((t) => t.text).join(" ");
    const name = explainName(best.qn, { text, parsed: best.listed }, best.alignment, best.weak);
    const subject = {
      birthDates: record.birthDates,
      nationalities: record.nationalities,
      sex: record.sex,
      birthPlaces: record.places.length ? [record.places.map((p) => this.placeWords[p]).join(" ")] : [],
    };
    const { score, explain } = scoreSubject(q, subject, name, threshold);
    return { id, score, run: explain };
  }

  /** Estimated bytes held: packed records, postings, vocabulary, scratch arrays. */
  memoryBytes(): number {
    return (
      this.records.memoryBytes() +
      this.postings.memoryBytes() +
      this.vocabulary.memoryBytes() +
      this.acc.byteLength * 2 +
      this.hits.byteLength * 2
    );
  }
}
