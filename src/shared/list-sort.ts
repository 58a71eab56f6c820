import type { OrderByItemBuilder } from "kysely";

/*
 * The `sort` parameter of the lists: a key for ascending, `-key` for descending, as the list's
 * query schema allows. Dates a row may lack sort last in either direction: a list sorted by event
 * date shows the dated rows first, whichever way it runs.
 */

/** The key and the direction of a `sort` parameter. */
export function sortOf<S extends string>(sort: S): { key: SortKey<S>; desc: boolean } {
  const desc = sort.startsWith("-");
  return { key: (desc ? sort.slice(1) : sort) as SortKey<S>, desc };
}
type SortKey<S extends string> = S extends `-${infer K}` ? K : S;

/** The ORDER BY direction of a sort, missing values last when the column may be null. */
export const direction =
  (desc: boolean, nullable: boolean) =>
  (o: OrderByItemBuilder): OrderByItemBuilder => {
    const d = desc ? o.desc() : o.asc();
    return nullable ? d.nullsLast() : d;
  };
