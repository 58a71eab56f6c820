import { useI18n } from "../../lib/i18n/index.tsx";
import { Link } from "../../lib/router.tsx";

export function ForbiddenPage() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t("forbidden.title")}</h1>
      <p>{t("forbidden.body")}</p>
      <p>
        <Link to="/">{t("notFound.home")}</Link>
      </p>
    </>
  );
}

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.body")}</p>
      <p>
        <Link to="/">{t("notFound.home")}</Link>
      </p>
    </>
  );
}
