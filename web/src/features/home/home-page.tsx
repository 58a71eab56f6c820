import type { ReactNode } from "react";
import { Notice } from "../../components/alert.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import { navItemsFor } from "../../lib/nav-items.ts";
import { Link } from "../../lib/router.tsx";
import { useMe } from "../../lib/session.tsx";

/**
 * The signed-in home: a greeting, then what needs the person now (the dashboard, given by the app
 * as `children` so that this feature does not import another), then their sections.
 */
export function HomePage({ children }: { children?: ReactNode }) {
  const { t, country } = useI18n();
  const me = useMe();
  const sections = navItemsFor(me.role).filter((i) => i.section !== "home" && i.section !== "account");
  return (
    <>
      <h1>{t("home.title", { name: me.displayName })}</h1>
      <p>
        {t("home.intro", { role: t(`role.${me.role}`), country: country(me.country.code, me.country.name) })}
      </p>
      {!me.totpEnabled && (
        <Notice kind="warning">
          {t("home.totpMissing")} <Link to="/account">{t("home.totpSetup")}</Link>
        </Notice>
      )}
      {children}
      <h2>{t("home.sections")}</h2>
      {sections.length === 0 ? (
        <p className="empty">{t("home.noSections")}</p>
      ) : (
        <ul className="section-list">
          {sections.map((s) => (
            <li key={s.section}>
              <Link to={s.path}>{t(s.label)}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
