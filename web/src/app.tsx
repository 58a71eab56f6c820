import { Fragment, type ReactNode } from "react";
import { Loading } from "./components/states.tsx";
import { AuditPage } from "./features/audit/audit-page.tsx";
import { LoginPage } from "./features/auth/login-page.tsx";
import { PasswordForm } from "./features/auth/password-form.tsx";
import { TotpPage } from "./features/auth/totp-page.tsx";
import { ClientsPage } from "./features/clients/clients-page.tsx";
import { BankDetailPage } from "./features/content/bank-detail-page.tsx";
import { BanksPage } from "./features/content/banks-page.tsx";
import { CheckPage } from "./features/content/check-page.tsx";
import { DashboardCards } from "./features/dashboard/dashboard-cards.tsx";
import { DbDetailPage } from "./features/databases/detail-page.tsx";
import { DbEntryPage } from "./features/databases/entry-page.tsx";
import { ImportPage } from "./features/databases/import-page.tsx";
import { DbListPage } from "./features/databases/list-page.tsx";
import { ReviewDuePage } from "./features/databases/review-due-page.tsx";
import { TracesPage } from "./features/databases/traces-page.tsx";
import { DiffusionDetailPage } from "./features/diffusions/diffusion-detail-page.tsx";
import { DiffusionSendPage } from "./features/diffusions/diffusion-send-page.tsx";
import { DiffusionsPage } from "./features/diffusions/diffusions-page.tsx";
import { HomePage } from "./features/home/home-page.tsx";
import { NoticeDetailPage } from "./features/notices/notice-detail-page.tsx";
import { NoticesPage } from "./features/notices/notices-page.tsx";
import { ReviewQueuePage } from "./features/notices/review-queue-page.tsx";
import { NoticeWizardPage } from "./features/notices/wizard/wizard-page.tsx";
import { NotificationsPage } from "./features/notifications/notifications-page.tsx";
import { OverviewPage } from "./features/overview/overview-page.tsx";
import { PublicSite } from "./features/public-notices/public-pages.tsx";
import { ReviewPage as BiometricReviewPage } from "./features/records/biometrics/review-page.tsx";
import { SearchPage as BiometricSearchPage } from "./features/records/biometrics/search-page.tsx";
import { SearchesPage as BiometricSearchesPage } from "./features/records/biometrics/searches-page.tsx";
import { DuplicatesPage } from "./features/records/duplicates-page.tsx";
import { MergedEntityPage } from "./features/records/merged-entity-page.tsx";
import { PairPage } from "./features/records/pair-page.tsx";
import { RecordDetailPage } from "./features/records/record-detail-page.tsx";
import { RecordFormPage } from "./features/records/record-form-page.tsx";
import { RecordsPage } from "./features/records/records-page.tsx";
import { PartnersPage } from "./features/referrals/partners-page.tsx";
import { ReferralsPage } from "./features/referrals/referrals-page.tsx";
import { ReferralStatsPage } from "./features/referrals/stats-page.tsx";
import { ConsolePage } from "./features/screening/console-page.tsx";
import { HitDetailPage } from "./features/screening/hit-detail-page.tsx";
import { HitsInboxPage } from "./features/screening/hits-inbox-page.tsx";
import { ManifestPage } from "./features/screening/manifest-page.tsx";
import { Layout } from "./features/shell/layout.tsx";
import { ForbiddenPage, NotFoundPage } from "./features/shell/status-pages.tsx";
import { UsersPage } from "./features/users/users-page.tsx";
import { I18nProvider, useI18n } from "./lib/i18n/index.tsx";
import { canAccess, type Role, type Section } from "./lib/roles.ts";
import { matchPath, useLocation } from "./lib/router.tsx";
import { SessionProvider, useSession } from "./lib/session.tsx";

interface RouteDef {
  pattern: string;
  section: Section;
  render: (params: Record<string, string>) => ReactNode;
}

const ROUTES: readonly RouteDef[] = [
  {
    pattern: "/",
    section: "home",
    render: () => (
      <HomePage>
        <DashboardCards />
      </HomePage>
    ),
  },
  { pattern: "/notifications", section: "notifications", render: () => <NotificationsPage /> },
  { pattern: "/overview", section: "overview", render: () => <OverviewPage /> },
  { pattern: "/records", section: "records", render: () => <RecordsPage /> },
  { pattern: "/records/new", section: "records", render: () => <RecordFormPage /> },
  { pattern: "/records/:id", section: "records", render: (p) => <RecordDetailPage id={p.id ?? ""} /> },
  { pattern: "/duplicates", section: "duplicates", render: () => <DuplicatesPage /> },
  { pattern: "/duplicates/pair", section: "duplicates", render: () => <PairPage /> },
  { pattern: "/entities/:id", section: "duplicates", render: (p) => <MergedEntityPage id={p.id ?? ""} /> },
  { pattern: "/audit", section: "audit", render: () => <AuditPage /> },
  { pattern: "/users", section: "users", render: () => <UsersPage /> },
  { pattern: "/clients", section: "clients", render: () => <ClientsPage /> },
  {
    pattern: "/account",
    section: "account",
    render: () => (
      <>
        <TotpPage />
        <PasswordForm />
      </>
    ),
  },
  { pattern: "/notices", section: "notices", render: () => <NoticesPage /> },
  { pattern: "/notices/new", section: "notices", render: () => <NoticeWizardPage /> },
  { pattern: "/notices/:id", section: "notices", render: (p) => <NoticeDetailPage id={p.id ?? ""} /> },
  {
    pattern: "/notices/:id/edit",
    section: "notices",
    render: (p) => <NoticeWizardPage id={p.id ?? ""} />,
  },
  { pattern: "/review", section: "reviewQueue", render: () => <ReviewQueuePage /> },
  {
    pattern: "/review/:id",
    section: "reviewQueue",
    render: (p) => <NoticeDetailPage id={p.id ?? ""} mode="review" />,
  },
  { pattern: "/diffusions", section: "diffusions", render: () => <DiffusionsPage /> },
  { pattern: "/diffusions/new", section: "diffusions", render: () => <DiffusionSendPage /> },
  {
    pattern: "/diffusions/:id",
    section: "diffusions",
    render: (p) => <DiffusionDetailPage id={p.id ?? ""} />,
  },
  { pattern: "/content/banks", section: "contentBanks", render: () => <BanksPage /> },
  {
    pattern: "/content/banks/:id",
    section: "contentBanks",
    render: (p) => <BankDetailPage id={p.id ?? ""} />,
  },
  { pattern: "/content/check", section: "contentCheck", render: () => <CheckPage /> },
  { pattern: "/referrals", section: "referrals", render: () => <ReferralsPage /> },
  { pattern: "/referrals/stats", section: "referrals", render: () => <ReferralStatsPage /> },
  { pattern: "/partners", section: "partners", render: () => <PartnersPage /> },
  // The object databases: travel documents first; trace requests beside them.
  { pattern: "/databases", section: "databases", render: () => <DbListPage db="documents" /> },
  { pattern: "/databases/traces", section: "databases", render: () => <TracesPage /> },
  { pattern: "/databases/:db", section: "databases", render: (p) => <DbListPage db={p.db ?? ""} /> },
  { pattern: "/databases/:db/new", section: "databases", render: (p) => <DbEntryPage db={p.db ?? ""} /> },
  {
    pattern: "/databases/:db/:id",
    section: "databases",
    render: (p) => <DbDetailPage db={p.db ?? ""} id={p.id ?? ""} />,
  },
  { pattern: "/imports", section: "imports", render: () => <ImportPage /> },
  { pattern: "/retention", section: "retention", render: () => <ReviewDuePage /> },
  // Border screening: the console and manifests; the bureau's hits inbox and each hit.
  { pattern: "/screening", section: "screening", render: () => <ConsolePage /> },
  { pattern: "/screening/manifest", section: "screening", render: () => <ManifestPage /> },
  { pattern: "/hits", section: "screeningHits", render: () => <HitsInboxPage /> },
  { pattern: "/hits/:id", section: "screeningHits", render: (p) => <HitDetailPage id={p.id ?? ""} /> },
  // Biometric search: a new 1:N search, the country's searches awaiting a decision, and each review.
  { pattern: "/biometrics", section: "biometrics", render: () => <BiometricSearchPage /> },
  { pattern: "/biometrics/searches", section: "biometrics", render: () => <BiometricSearchesPage /> },
  {
    pattern: "/biometrics/searches/:id",
    section: "biometrics",
    render: (p) => <BiometricReviewPage id={p.id ?? ""} />,
  },
];

function Routes({ role }: { role: Role }) {
  const { path } = useLocation();
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (!params) continue;
    if (!canAccess(role, route.section)) return <ForbiddenPage />;
    // The key remounts a page when its parameters change (another record), resetting its state.
    return <Fragment key={`${route.pattern}:${JSON.stringify(params)}`}>{route.render(params)}</Fragment>;
  }
  return <NotFoundPage />;
}

function Gate() {
  const { state } = useSession();
  const { t } = useI18n();
  const { path } = useLocation();
  // The public notices need no account: they render outside the session's gate.
  if (path === "/public" || path.startsWith("/public/")) return <PublicSite />;
  if (state.status === "loading") {
    return (
      <main id="main" className="login-card">
        <Loading label={t("login.checking")} />
      </main>
    );
  }
  if (state.status === "anonymous") return <LoginPage />;
  return (
    <Layout>
      <Routes role={state.user.role} />
    </Layout>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Gate />
      </SessionProvider>
    </I18nProvider>
  );
}
