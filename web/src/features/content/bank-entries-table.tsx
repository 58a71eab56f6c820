import { CountryName } from "../../components/country-name.tsx";
import { HashValue } from "../../components/hash-value.tsx";
import { SortableHeader, type SortState } from "../../components/sortable-header.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import { EntryStatusControl, entryName, StatusBadge } from "./entry-status.tsx";
import { EntryThumbnail } from "./entry-thumbnail.tsx";
import type { Entry } from "./types.ts";

/**
 * A bank's entries, one page of them: sortable by column, with a checkbox per row for a bulk status
 * change where the viewer may change that row, and a status control per row.
 */
export function EntriesTable({
  items,
  mayChange,
  onChanged,
  showThumbnails,
  selection,
  sorting,
}: {
  items: Entry[];
  mayChange: (e: Entry) => boolean;
  onChanged: () => void;
  /** Only for roles allowed to see content; the server refuses the images to anyone else too. */
  showThumbnails: boolean;
  /** The rows picked for a bulk change, where the viewer may change any row. */
  selection: { selected: number[]; setSelected: (ids: number[]) => void } | null;
  sorting: SortState;
}) {
  const { t, num, date } = useI18n();
  const changeable = items.filter(mayChange).map((e) => e.id);
  const picked = new Set(selection?.selected ?? []);
  const allPicked = changeable.length > 0 && changeable.every((id) => picked.has(id));
  const toggle = (id: number) =>
    selection?.setSelected(picked.has(id) ? [...picked].filter((x) => x !== id) : [...picked, id]);
  return (
    <div className="table-wrap">
      <table className="data" data-testid="entries-table">
        <thead>
          <tr>
            {selection && (
              <th scope="col">
                <input
                  type="checkbox"
                  checked={allPicked}
                  disabled={changeable.length === 0}
                  onChange={() => selection.setSelected(allPicked ? [] : changeable)}
                  aria-label={t("deadends.bulk.selectPage", { count: changeable.length })}
                  data-testid="entries-select-all"
                />
              </th>
            )}
            {showThumbnails && <th scope="col">{t("content.thumbnail")}</th>}
            <SortableHeader column="signalType" {...sorting}>
              {t("content.signalType")}
            </SortableHeader>
            <SortableHeader column="value" {...sorting}>
              {t("content.value")}
            </SortableHeader>
            <SortableHeader column="quality" className="num" firstDescending {...sorting}>
              {t("content.quality")}
            </SortableHeader>
            <th scope="col">{t("content.labels")}</th>
            <th scope="col">{t("content.contributor")}</th>
            <SortableHeader column="firstSeen" firstDescending {...sorting}>
              {t("content.firstSeen")}
            </SortableHeader>
            <SortableHeader column="status" {...sorting}>
              {t("common.status")}
            </SortableHeader>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id} data-testid={`entry-row-${e.id}`}>
              {selection && (
                <td>
                  {mayChange(e) && (
                    <input
                      type="checkbox"
                      checked={picked.has(e.id)}
                      onChange={() => toggle(e.id)}
                      aria-label={t("deadends.bulk.selectOne", { name: entryName(e) })}
                      data-testid={`entry-select-${e.id}`}
                    />
                  )}
                </td>
              )}
              {showThumbnails && (
                <td>
                  {e.hasThumbnail ? <EntryThumbnail entryId={e.id} /> : <span className="muted">—</span>}
                </td>
              )}
              <td>
                <code>{e.signalType}</code>
              </td>
              <td>
                <HashValue value={e.value} name={entryName(e)} />
              </td>
              <td className="num">{e.quality === null ? "—" : num(e.quality)}</td>
              <td>
                <Labels labels={e.labels} />
              </td>
              <td>
                <CountryName code={e.contributedCountry} />
                {e.contributedUnit && (
                  <span className="cell-note">
                    <bdi>{e.contributedUnit}</bdi>
                  </span>
                )}
              </td>
              <td>
                <time dateTime={e.firstSeen}>{date(e.firstSeen)}</time>
              </td>
              <td>
                <StatusBadge status={e.status} />
                {mayChange(e) && <EntryStatusControl entry={e} onChanged={onChanged} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Labels({ labels }: { labels: string[] }) {
  if (labels.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="labels" dir="ltr">
      {labels.map((l) => (
        <li key={l} className="label-chip">
          {l}
        </li>
      ))}
    </ul>
  );
}
