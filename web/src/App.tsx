import { lazy, Suspense, useEffect, useState } from "react";
import { BrowserRouter, NavLink, Route, Routes, useLocation, useNavigate } from "react-router";
import { useApi, type Notification } from "./api";
import { useLanguage } from "./i18n";
import { AgenciesPage } from "./pages/AgenciesPage";
import { AgencyPage } from "./pages/AgencyPage";
import { AuditPage } from "./pages/AuditPage";
import { UsersPage } from "./pages/UsersPage";
import { ImportReviewPage } from "./pages/ImportReviewPage";
import { ImportsPage } from "./pages/ImportsPage";
import { DocumentPage } from "./pages/DocumentPage";
import { DocumentsPage } from "./pages/DocumentsPage";
import { SearchPage } from "./pages/SearchPage";
import { InboxPage } from "./pages/InboxPage";
import { NotificationsPage } from "./pages/NotificationsPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { ReportPage } from "./pages/ReportPage";
import { RoundPage } from "./pages/RoundPage";
import { RoundsPage } from "./pages/RoundsPage";
import { PlanReportPage } from "./pages/PlanReportPage";
import { ValuesImportPage } from "./pages/ValuesImportPage";
import { DashboardTasksPage } from "./pages/DashboardTasksPage";
import { UpwardPage } from "./upward/UpwardPage";
import { ChangePasswordPage, SignInPage } from "./pages/SignInPage";
import { LoadState } from "./components/Status";

// The dashboard's charts (Chart.js) load with the dashboard, not with every page.
const DashboardPage = lazy(() => import("./pages/DashboardPage").then((m) => ({ default: m.DashboardPage })));
const ProjectPage = lazy(() => import("./projects/ProjectPage").then((m) => ({ default: m.ProjectPage })));
import { SessionProvider, useSession } from "./session";

function Header() {
  const { t, lang, setLang } = useLanguage();
  const navigate = useNavigate();
  const [q, setQ] = useState("");
  const { session, can, signOut } = useSession();
  // On a phone the menu is folded behind a button; it folds again on every move within the app.
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  useEffect(() => setMenuOpen(false), [location.pathname, location.search]);
  return (
    <header className="top">
      <div className="brand"><NavLink to="/">{t.appName}</NavLink><span className="muted">{t.tagline}</span></div>
      <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="site-menu" onClick={() => setMenuOpen(!menuOpen)}>
        {menuOpen ? t.menuClose : t.menu}
      </button>
      <div id="site-menu" className={menuOpen ? "site-menu open" : "site-menu"}>
      <nav aria-label={t.mainMenu}>
        {can("plans.read") && <NavLink to="/dashboard">{t.navDashboard}</NavLink>}
        <NavLink to="/" end>{t.navDocuments}</NavLink>
        <NavLink to="/agencies">{t.navAgencies}</NavLink>
        {can("imports.read") && <NavLink to="/imports">{t.navImports}</NavLink>}
        {session && session.user.agencyIds.length > 0 && <NavLink to="/inbox">{t.navInbox}</NavLink>}
        {can("reporting.read") && <NavLink to="/rounds">{t.navRounds}</NavLink>}
        {can("reporting.read") && <NavLink to="/upward-reports">{t.navUpward}</NavLink>}
        {can("users.manage") && <NavLink to="/admin/users">{t.navUsers}</NavLink>}
        {can("audit.read") && <NavLink to="/admin/audit">{t.navAudit}</NavLink>}
        {session && <NotificationsLink />}
      </nav>
      <form role="search" className="global-search" onSubmit={(e) => { e.preventDefault(); if (q.trim()) navigate(`/search?${new URLSearchParams({ q: q.trim() })}`); }}>
        <input type="search" aria-label={t.search} placeholder={t.searchPlaceholder} value={q} onChange={(e) => setQ(e.target.value)} />
        <button type="submit">{t.search}</button>
      </form>
      <button className="lang" onClick={() => setLang(lang === "vi" ? "en" : "vi")}>{t.language}</button>
      {session && (
        <div className="account">
          <NavLink to="/password" title={t.changePasswordTitle}>{session.user.displayName}</NavLink> <span className="tag">{t.roles[session.user.role]}</span>
          <button onClick={() => { void signOut(); navigate("/"); }}>{t.signOut}</button>
        </div>
      )}
      </div>
    </header>
  );
}

/** The first thing a keyboard reaches: straight to the page's content, past the menu. */
function SkipLink() {
  const { t } = useLanguage();
  return <a className="skip-link" href="#main">{t.skipToContent}</a>;
}

/** The notifications link with the unread count, refreshed on each move within the app. */
function NotificationsLink() {
  const { t } = useLanguage();
  const location = useLocation();
  const list = useApi<{ unread: number; items: Notification[] }>("/api/notifications");
  const { reload } = list;
  useEffect(() => { reload(); }, [location.pathname, reload]);
  const unread = list.data?.unread ?? 0;
  return <NavLink to="/notifications">{t.navNotifications}{unread > 0 && <span className="badge" aria-label={`${unread}`}> {unread}</span>}</NavLink>;
}

function Pages() {
  const { session, loading } = useSession();
  const navigate = useNavigate();
  if (loading) return null;
  if (!session) return <SignInPage />;
  if (session.user.mustChangePassword) return <ChangePasswordPage />;
  return (
        <Routes>
          <Route path="/password" element={<ChangePasswordPage onDone={() => navigate("/")} />} />
          <Route path="/" element={<DocumentsPage />} />
          <Route path="/documents/:id" element={<DocumentPage />} />
          <Route path="/agencies" element={<AgenciesPage />} />
          <Route path="/agencies/:id" element={<AgencyPage />} />
          <Route path="/imports" element={<ImportsPage />} />
          <Route path="/imports/:id" element={<ImportReviewPage />} />
          <Route path="/search" element={<SearchPage />} />
          <Route path="/inbox" element={<InboxPage />} />
          <Route path="/rounds" element={<RoundsPage />} />
          <Route path="/rounds/:id" element={<RoundPage />} />
          <Route path="/rounds/:id/reports/:agencyId" element={<ReportPage />} />
          <Route path="/notifications" element={<NotificationsPage />} />
          <Route path="/upward-reports" element={<UpwardPage />} />
          <Route path="/plans/:id/report" element={<PlanReportPage />} />
          <Route path="/values/import" element={<ValuesImportPage />} />
          <Route path="/dashboard" element={<Suspense fallback={<LoadState loading error={null} onRetry={() => {}} />}><DashboardPage /></Suspense>} />
          <Route path="/dashboard/tasks" element={<DashboardTasksPage />} />
          <Route path="/projects/:id" element={<Suspense fallback={<LoadState loading error={null} onRetry={() => {}} />}><ProjectPage /></Suspense>} />
          <Route path="/admin/users" element={<UsersPage />} />
          <Route path="/admin/audit" element={<AuditPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
  );
}

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <SkipLink />
        <Header />
        <main id="main" tabIndex={-1}><Pages /></main>
      </BrowserRouter>
    </SessionProvider>
  );
}
