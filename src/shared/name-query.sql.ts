import { type Expression, type RawBuilder, sql } from "kysely";
import type { NameQuery } from "./name-query.ts";

/*
 * The SQL side of a name query (name-query.ts). Names are compared folded (fusion_fold, migration
 * 022: lower case, no accents, no Arabic vowel marks, punctuation as spaces) on both sides, and the
 * folded text of each searched table has a trigram index, so every word is an index scan, not a
 * read of the table. The caller ANDs the result with its visibility rule.
 */

/** Every word of the query is found in the folded text, in any order. */
export function allWordsIn(
  text: Expression<string> | RawBuilder<string>,
  words: string[],
): RawBuilder<boolean> {
  if (words.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(
    words.map((w) => sql`fusion_fold(${text}) LIKE '%' || fusion_fold(${w}) || '%'`),
    sql` AND `,
  )})`;
}

/** True when the query is a reference of some kind (then names are not searched). */
export const isReference = (q: NameQuery): boolean =>
  q.noticeNumber !== undefined || q.unReference !== undefined;
