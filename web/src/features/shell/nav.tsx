import { useI18n } from "../../lib/i18n/index.tsx";
import { activeItem, navItemsFor } from "../../lib/nav-items.ts";
import type { Role } from "../../lib/roles.ts";
import { Link, useLocation } from "../../lib/router.tsx";

export function MainNav({ role }: { role: Role }) {
  const { t } = useI18n();
  const { path } = useLocation();
  const active = activeItem(path);
  return (
    <nav className="app-nav" aria-label={t("nav.label")}>
      <ul>
        {navItemsFor(role).map((item) => (
          <li key={item.section}>
            <Link
              to={item.path}
              aria-current={active?.section === item.section ? "page" : undefined}
              data-testid={`nav-${item.section}`}
            >
              {t(item.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
