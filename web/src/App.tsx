import { useState } from "react";
import { BrowserRouter, NavLink, Route, Routes, useNavigate } from "react-router";
import { useLanguage } from "./i18n";
import { AgenciesPage } from "./pages/AgenciesPage";
import { AgencyPage } from "./pages/AgencyPage";
import { ImportReviewPage } from "./pages/ImportReviewPage";
import { ImportsPage } from "./pages/ImportsPage";
import { DocumentPage } from "./pages/DocumentPage";
import { DocumentsPage } from "./pages/DocumentsPage";
import { SearchPage } from "./pages/SearchPage";
import { ChangePasswordPage, SignInPage } from "./pages/SignInPage";
import { SessionProvider, useSession } from "./session";

function Header() {
  const { t, lang, setLang } = useLanguage();
  const navigate = useNavigate();
  const [q, setQ] = useState("");
  const { session, can, signOut } = useSession();
  return (
    <header className="top">
      <div className="brand"><NavLink to="/">{t.appName}</NavLink><span className="muted">{t.tagline}</span></div>
      <nav>
        <NavLink to="/" end>{t.navDocuments}</NavLink>
        <NavLink to="/agencies">{t.navAgencies}</NavLink>
        {can("imports.read") && <NavLink to="/imports">{t.navImports}</NavLink>}
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
    </header>
  );
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
        </Routes>
  );
}

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Header />
        <main><Pages /></main>
      </BrowserRouter>
    </SessionProvider>
  );
}
