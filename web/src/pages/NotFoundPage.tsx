import { Link, useLocation } from "react-router";
import { useLanguage } from "../i18n";

/** An address the app has no page for (a link copied wrong, a page since renamed): said so, with the way back. */
export function NotFoundPage() {
  const { t } = useLanguage();
  const { pathname } = useLocation();
  return (
    <section>
      <h1>{t.notFoundTitle}</h1>
      <p>{t.notFoundText(pathname)}</p>
      <p><Link to="/">{t.notFoundDocuments}</Link> · <Link to="/dashboard">{t.notFoundDashboard}</Link></p>
    </section>
  );
}
