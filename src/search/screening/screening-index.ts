import { parseDateOfBirth } from "../dates.ts";
import { type Alignment, alignNames, joinedToken } from "./align-names.ts";
import { dayNumber, readQueryDate } from "./birth-dates.ts";
import { CandidateFinder, type QueryPart } from "./candidates.ts";
import { explainName } from "./compare-names.ts";
import {
  type Explanation,
  QUALIFIERS_MAX_EFFECT,
  type ScreeningSubject,
  scoreSubject,
  type TravellerQuery,
  WEAK_ALIAS_FACTOR,
} from "./explanation.ts";
import { COMMON_POSTINGS, PairPostings } from "./pair-postings.ts";
import { contentTokens, type NameToken, type ParsedName, parseName } from "./parse-name.ts";
import { Postings } from "./postings.ts";
import { placeWords } from "./qualifiers.ts";
import { type PackedDate, RecordStore } from "./record-store.ts";
import { type TokenMatch, tokenSimilarity } from "./token-similarity.ts";
import { tokenKey, type VocabToken, Vocabulary } from "./vocabulary.ts";

/*
 * The in-memory screening index. Adding a person parses each of its names once, interns the parts
 * in the shared vocabulary, packs the record and posts its id under each distinct part. A search
 * parses the query, finds for each query part the vocabulary parts it may match (blocking keys),
 * reads the persons agreeing on at least two query parts (candidates.ts: rare parts' postings,
 * pair postings for two common parts), and scores only the best few of those in full
 * (alignment, date of birth, qualifiers).
 */

export const MATCH_THRESHOLD = 0.8;

export type ScreeningMatch = { id: number; score: number; match: boolean; explanation: Explanation };
export type SearchOptions = { limit?: number; threshold?: number; accept?: (id: number) => boolean };

const pad = (n: number) => String(n).padStart(2, "0");

/** At most this many candidates (best by blocking agreement) are scored in full. */
const FULL_SCORE_LIMIT = 30;
/** Query parts whose vocabulary neighbours are kept between queries (the same names recur). */
const NEIGHBOUR_CACHE_SIZE = 4096;

type QueryName = {
  text: string;
  parsed: ParsedName;
  content: NameToken[];
  /** Per content part: its vocabulary neighbours (shared, read only), then the other parts met
   * while scoring (this query's own). */
  similar: Map<number, TokenMatch>[];
  met: Map<number, TokenMatch>[];
  /** Listed names (part ids) already aligned with this query name in this search. */
  aligned: Map<string, { alignment: Alignment; listed: ParsedName }>;
};

export class ScreeningIndex {
  private readonly vocabulary = new Vocabulary();
  private readonly records = new RecordStore();
  private readonly postings = new Postings();
  private readonly pairs = new PairPostings();
  private readonly finder = new CandidateFinder({
    postings: this.postings,
    pairs: this.pairs,
    records: this.records,
    light: (part) => this.vocabulary.isLight(part),
  });
  private readonly places = new Map<string, number>();
  /* A query part's neighbours and their similarities, for as long as the vocabulary is unchanged. */
  private readonly neighbourCache = new Map<string, Map<number, TokenMatch>>();
  private neighbourCacheVocabulary = 0;
  private readonly placeWords: string[] = [];
  /* The span of each person's dates of birth (day numbers, 0 = none), read while ranking
   * candidates so that, among many namesakes, those born when the traveller was come first. */
  private dobFrom = new Int32Array(1024);
  private dobTo = new Int32Array(1024);

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
    const parts = this.records.partIds(id);
    this.filePairs(parts, id, (a, b) => this.pairs.add(a, b, id));
    for (const part of parts) {
      this.postings.add(part, id);
      if (!this.pairs.isCommon(part) && this.postings.count(part) >= COMMON_POSTINGS) this.makeCommon(part);
    }
  }

  /** Each pair of distinct common parts among `parts`, and (a, a) for a common part twice in one
   * name (Ismail Ismail). */
  private filePairs(parts: number[], id: number, file: (a: number, b: number) => void) {
    const common = parts.filter((p) => this.pairs.isCommon(p));
    for (let i = 0; i < common.length; i++)
      for (let j = i + 1; j < common.length; j++) file(common[i] as number, common[j] as number);
    for (const part of this.repeatedParts(id)) if (this.pairs.isCommon(part)) file(part, part);
  }

  private repeatedParts(id: number): Set<number> {
    const repeated = new Set<number>();
    this.records.forEachName(id, (parts) => {
      for (let k = 1; k < parts.length; k++)
        if (parts.subarray(0, k).includes(parts[k] as number)) repeated.add(parts[k] as number);
    });
    return repeated;
  }

  /** A part turning common: the persons holding it are filed under its pairs with their common parts. */
  private makeCommon(part: number) {
    this.pairs.markCommon(part);
    const holders: number[] = [];
    this.postings.forEach(part, (p) => holders.push(p));
    for (const p of holders) {
      for (const other of this.records.partIds(p))
        if (other !== part && this.pairs.isCommon(other)) this.pairs.add(part, other, p);
      if (this.repeatedParts(p).has(part)) this.pairs.add(part, part, p);
    }
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

  /** Ranking bonus of a person's dates against the query's span (agrees, unknown, or not), on the
   * scale of the date's effect on the score. */
  private dateBonus(id: number, from: number, to: number): number {
    const f = this.dobFrom[id] as number;
    if (from === 0 || f === 0) return 0;
    const t = this.dobTo[id] as number;
    if (to >= f && from <= t) return f === t && from === to ? 0.07 : 0.03;
    return from - t > 400 || f - to > 400 ? -0.2 : -0.04;
  }

  remove(id: number): void {
    if (!this.records.has(id)) return;
    this.dobFrom[id] = 0;
    this.dobTo[id] = 0;
    const parts = this.records.partIds(id);
    this.filePairs(parts, id, (a, b) => this.pairs.remove(a, b, id));
    for (const part of parts) this.postings.remove(part, id);
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
        const similar = this.neighboursOf(token);
        out.push({ token, similar, covers: k < content.length ? 1 : 2 });
      }
    }
    return out.slice(0, 24);
  }

  /** The vocabulary parts sharing a blocking key with `token`, each with its similarity. */
  private neighboursOf(token: NameToken): Map<number, TokenMatch> {
    // A new vocabulary part may be a neighbour of any cached query part.
    if (
      this.neighbourCacheVocabulary !== this.vocabulary.size ||
      this.neighbourCache.size >= NEIGHBOUR_CACHE_SIZE
    ) {
      this.neighbourCache.clear();
      this.neighbourCacheVocabulary = this.vocabulary.size;
    }
    const key = tokenKey(token);
    let similar = this.neighbourCache.get(key);
    if (similar) return similar;
    similar = new Map<number, TokenMatch>();
    const found = similar;
    this.vocabulary.neighbours(token, (id) => {
      if (!found.has(id)) found.set(id, tokenSimilarity(token, this.vocabulary.tokens[id] as NameToken));
    });
    this.neighbourCache.set(key, similar);
    return similar;
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
        met: content.map(() => new Map()),
        aligned: new Map(),
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
    const bonus = (id: number) => this.dateBonus(id, dob[0], dob[1]);
    const ids = this.finder.find(parts, FULL_SCORE_LIMIT, bonus, options.accept);
    for (const id of ids) {
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

  private align(qn: QueryName, parts: number[]): { alignment: Alignment; listed: ParsedName } {
    const tokens = parts.map((p) => this.vocabulary.tokens[p] as VocabToken);
    const listed: ParsedName = {
      tokens,
      dropped: [],
      script: tokens.find((t) => t.script !== "Latn")?.script ?? "Latn",
      legalForms: [],
    };
    const alignment = alignNames(qn.parsed, listed, {
      scorer: (qi, b) => {
        const vid = (b as VocabToken).id;
        let m = qn.similar[qi]?.get(vid) ?? qn.met[qi]?.get(vid);
        if (!m) {
          m = tokenSimilarity(qn.content[qi] as NameToken, b);
          qn.met[qi]?.set(vid, m);
        }
        return m;
      },
    });
    return { alignment, listed };
  }

  private scoreCandidate(id: number, q: TravellerQuery, queryNames: QueryName[], threshold: number) {
    let best:
      | {
          alignment: Alignment;
          effective: number;
          qn: (typeof queryNames)[number];
          listed: ParsedName;
          weak: boolean;
        }
      | undefined;
    for (const name of this.records.readNames(id)) {
      // Namesakes hold the same parts: a name already aligned in this search is not aligned again.
      const key = name.parts.join(",");
      for (const qn of queryNames) {
        let done = qn.aligned.get(key);
        if (!done) {
          done = this.align(qn, name.parts);
          qn.aligned.set(key, done);
        }
        const { alignment, listed } = done;
        const effective = name.weak ? alignment.score * WEAK_ALIAS_FACTOR : alignment.score;
        if (!best || effective > best.effective) best = { alignment, effective, qn, listed, weak: name.weak };
      }
    }
    // The qualifiers add at most QUALIFIERS_MAX_EFFECT: a name that cannot reach the threshold
    // with them is not explained (the thousandth: scores are rounded to it).
    if (!best || best.effective + QUALIFIERS_MAX_EFFECT + 0.001 < threshold)
      return { id, score: 0, run: () => ({}) as Explanation };
    const text = best.listed.tokens.map((t) => t.text).join(" ");
    const name = explainName(best.qn, { text, parsed: best.listed }, best.alignment, best.weak);
    const record = this.records.readQualifiers(id);
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
      this.pairs.memoryBytes() +
      this.vocabulary.memoryBytes() +
      this.finder.memoryBytes()
    );
  }
}
