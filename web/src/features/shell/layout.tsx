import { type MouseEvent, type ReactNode, useEffect, useRef } from "react";
import { CountryName } from "../../components/country-name.tsx";
import { LanguageSwitcher } from "../../components/language-switcher.tsx";
import { NotificationBell } from "../../components/notification-bell.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import { activeItem } from "../../lib/nav-items.ts";
import { NotificationsProvider } from "../../lib/notifications.tsx";
import { useLocation } from "../../lib/router.tsx";
import { useMe, useSession } from "../../lib/session.tsx";
import type { Health } from "../../lib/types.ts";
import { useApi } from "../../lib/use-api.ts";
import { MainNav } from "./nav.tsx";

function focusMain(e?: MouseEvent) {
  // The router owns the hash, so the skip link moves focus itself instead of following "#main".
  e?.preventDefault();
  document.getElementById("main")?.focus();
}

/** The signed-in frame, with the person's live notifications for the bell and the pages under it. */
export function Layout({ children }: { children: ReactNode }) {
  return (
    <NotificationsProvider>
      <Shell>{children}</Shell>
    </NotificationsProvider>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const me = useMe();
  const { signOut } = useSession();
  const { path } = useLocation();
  const firstRender = useRef(true);
  const section = activeItem(path);

  useEffect(() => {
    document.title = section ? `${t(section.label)} · ${t("app.name")}` : t("app.name");
  }, [section, t]);

  // After navigation, move focus to the new content so screen-reader and keyboard users start there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every path change
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    focusMain();
  }, [path]);

  return (
    <div className="app">
      {/* biome-ignore lint/a11y/useValidAnchor: a real in-page link; the hash router owns location.hash */}
      <a className="skip-link" href="#main" onClick={focusMain}>
        {t("skip")}
      </a>
      {me.demo && (
        <p className="demo-banner" data-testid="demo-banner">
          {t("header.demo")}
        </p>
      )}
      <header className="app-header">
        <span className="brand">
          {t("app.name")} <span className="brand-tagline">{t("app.tagline")}</span>
        </span>
        <div className="user-box" data-testid="user-box">
          <span className="visually-hidden">{t("header.account")}</span>
          <span className="user-name">
            <bdi>{me.displayName}</bdi> <span className="muted-inverse">({me.username})</span>
          </span>
          <span className="user-meta">
            <span data-testid="user-role">{t(`role.${me.role}`)}</span>
            <span aria-hidden="true"> · </span>
            <span data-testid="user-country">
              <CountryName code={me.country.code} fallback={me.country.name} withCode />
            </span>
          </span>
        </div>
        <NotificationBell />
        <LanguageSwitcher />
        <button type="button" className="btn btn-header" onClick={() => void signOut()} data-testid="logout">
          {t("header.logout")}
        </button>
      </header>
      <div className="app-body">
        <MainNav role={me.role} />
        <main id="main" className="app-main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <Footer />
    </div>
  );
}

function Footer() {
  const { t } = useI18n();
  const { data } = useApi<Health>("/health");
  return (
    <footer className="app-footer">
      {data ? t("footer.version", { version: data.version, storage: data.storage }) : t("app.name")}
    </footer>
  );
}
