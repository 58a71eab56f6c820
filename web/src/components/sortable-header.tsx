import type { ReactNode } from "react";
import { useI18n } from "../lib/i18n/index.tsx";
import { navigate, useLocation } from "../lib/router.tsx";

/*
 * Tables sort by their columns. A sort is a column key, descending with a leading minus ("-createdAt"),
 * as the server's lists take it (src/shared/list-sort.ts). It lives in the address (`sort=`), so a
 * sorted list survives a reload and can be shared; paged lists send it to the server, lists that
 * arrive whole are sorted here (sortRows).
 */

export interface SortState {
  /** The current sort, e.g. "-createdAt". */
  sort: string;
  /** Sort by this column: the other way when it is already the sort column. */
  onSort: (column: string, firstDescending?: boolean) => void;
}

/** The sort after a click on `column`: ascending first (descending first for dates and counts). */
export function nextSort(current: string, column: string, firstDescending = false): string {
  const active = current.replace(/^-/, "") === column;
  if (!active) return firstDescending ? `-${column}` : column;
  return current.startsWith("-") ? column : `-${column}`;
}

/**
 * The sort kept in the address of the current page; a new sort goes back to the first page. The
 * default sort is left out of the address.
 */
export function useUrlSort(defaultSort: string): SortState {
  const { path, query } = useLocation();
  const sort = query.get("sort") || defaultSort;
  const onSort = (column: string, firstDescending = false) => {
    const next = nextSort(sort, column, firstDescending);
    const params = Object.fromEntries(query.entries());
    delete params.page;
    navigate(path, { ...params, sort: next === defaultSort ? undefined : next });
  };
  return { sort, onSort };
}

interface SortableHeaderProps extends SortState {
  column: string;
  children: ReactNode;
  className?: string;
  /** Dates and counts: newest or largest first on the first click. */
  firstDescending?: boolean;
  testId?: string;
}

/**
 * A column header that sorts: a button (Enter or Space from the keyboard) inside the header cell,
 * which carries aria-sort for the column the table is sorted by. The button's name is the column's
 * label, with what pressing it will do for screen readers.
 */
export function SortableHeader({
  column,
  children,
  sort,
  onSort,
  className,
  firstDescending = false,
  testId,
}: SortableHeaderProps) {
  const { t } = useI18n();
  const active = sort.replace(/^-/, "") === column;
  const desc = sort.startsWith("-");
  const willDescend = active ? !desc : firstDescending;
  return (
    <th
      scope="col"
      className={className}
      aria-sort={active ? (desc ? "descending" : "ascending") : undefined}
    >
      <button
        type="button"
        className="sort"
        onClick={() => onSort(column, firstDescending)}
        data-testid={testId ?? `sort-${column}`}
      >
        <span>{children}</span>
        <span className="visually-hidden">
          {" "}
          {t(willDescend ? "deadends.sort.toDescending" : "deadends.sort.toAscending")}
        </span>
        <span className="sort-mark" aria-hidden="true">
          {active ? (desc ? "▼" : "▲") : "↕"}
        </span>
      </button>
    </th>
  );
}

/** Rows that arrive whole (not paged), sorted here as the server would sort them. */
export function sortRows<T>(
  rows: readonly T[],
  sort: string,
  value: (row: T, column: string) => string | number | null | undefined,
  locale?: string,
): T[] {
  const column = sort.replace(/^-/, "");
  const sign = sort.startsWith("-") ? -1 : 1;
  const collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
  return [...rows].sort((a, b) => {
    const x = value(a, column);
    const y = value(b, column);
    // Missing values last, whichever the direction.
    if (x === null || x === undefined || x === "") return y === null || y === undefined || y === "" ? 0 : 1;
    if (y === null || y === undefined || y === "") return -1;
    const c = typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
    return sign * c;
  });
}
