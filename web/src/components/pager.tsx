import { useI18n } from "../lib/i18n/index.tsx";

interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  /** The server stopped counting at `total`: there are at least that many ("10,000+"). */
  totalIsLowerBound?: boolean | undefined;
  onPage: (page: number) => void;
}

export function Pager({ page, pageSize, total, totalIsLowerBound, onPage }: PagerProps) {
  const { t, num } = useI18n();
  const pages = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  return (
    <nav className="pager" aria-label={t("pager.label")}>
      <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t("pager.prev")}
      </button>
      <span className="muted">
        {t(totalIsLowerBound ? "pager.statusAtLeast" : "pager.status", {
          page: num(page),
          pages: num(pages),
          total,
        })}
      </span>
      <button
        type="button"
        className="btn btn-small"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t("pager.next")}
      </button>
    </nav>
  );
}
