import { Link } from "react-router";
import { sendJson, useApi, type Notification } from "../api";
import { LoadState } from "../components/Status";
import { formatDate } from "../format";
import { useLanguage } from "../i18n";

type Notifications = { items: Notification[]; unread: number };

export function NotificationsPage() {
  const { t } = useLanguage();
  const list = useApi<Notifications>("/api/notifications");
  if (!list.data) return <LoadState loading={list.loading} error={list.error} final={list.final} retrying={list.retrying} onRetry={list.reload} />;
  const params = (n: Notification) => ({ ...n.params, dueOn: typeof n.params.dueOn === "string" ? formatDate(n.params.dueOn) : n.params.dueOn });
  return (
    <section>
      <h1>{t.notificationsTitle}</h1>
      {list.data.unread > 0 && <button onClick={() => void sendJson("POST", "/api/notifications/read", {}).then(list.reload)}>{t.markAllRead}</button>}
      {list.data.items.length === 0 && <p className="muted">{t.noNotifications}</p>}
      <ul className="notifications">
        {list.data.items.map((n) => (
          <li key={n.id} className={n.readAt ? "read" : "unread"}>
            <span className="muted">{new Date(n.createdAt).toLocaleString("vi-VN")}</span>{" "}
            {n.roundId && n.agencyId ? <Link to={`/rounds/${n.roundId}/reports/${n.agencyId}`}>{t.notification(n.kind, params(n))}</Link>
              // A document flagged for review (issue 15): to its page, where the flag is.
              : (n.kind === "document_flagged" || n.kind === "chain_flagged") && n.params.documentId ? <Link to={`/documents/${n.params.documentId}`}>{t.notification(n.kind, params(n))}</Link>
              : t.notification(n.kind, params(n))}
          </li>
        ))}
      </ul>
    </section>
  );
}
