import { useEffect, useId, useState } from "react";
import { useI18n } from "../../lib/i18n/index.tsx";
import { activeItem, navItemsFor } from "../../lib/nav-items.ts";
import type { Role } from "../../lib/roles.ts";
import { Link, useLocation } from "../../lib/router.tsx";

export function MainNav({ role }: { role: Role }) {
  const { t } = useI18n();
  const { path } = useLocation();
  const active = activeItem(path);
  // At phone width the list folds behind a menu button (CSS shows the button only there).
  const [open, setOpen] = useState(false);
  const listId = useId();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a choice (a new path) closes the menu
  useEffect(() => setOpen(false), [path]);
  return (
    <nav className="app-nav" aria-label={t("nav.label")} data-open={open}>
      <button
        type="button"
        className="btn nav-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
        data-testid="nav-toggle"
      >
        {t("nav.menu")}
      </button>
      <ul id={listId}>
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
