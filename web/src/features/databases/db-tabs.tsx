import { useI18n } from "../../lib/i18n/index.tsx";
import { Link } from "../../lib/router.tsx";
import { DATABASES } from "./specs.ts";
import "./databases.css";

/** The object databases side by side, and the firearms' trace requests. */
export function DbTabs({ current }: { current: string }) {
  const { t } = useI18n();
  const tabs = [
    ...DATABASES.map((d) => ({ id: d.id, label: t(d.title) })),
    { id: "traces", label: t("db.traces") },
  ];
  return (
    <nav className="tabs" aria-label={t("db.tabs")}>
      {tabs.map((tab) => (
        <Link
          key={tab.id}
          to={`/databases/${tab.id}`}
          aria-current={tab.id === current ? "page" : undefined}
          data-testid={`db-tab-${tab.id}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}

export function UnknownDatabase() {
  const { t } = useI18n();
  return (
    <>
      <DbTabs current="" />
      <p className="empty">{t("db.unknown")}</p>
    </>
  );
}
