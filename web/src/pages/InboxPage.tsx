import { Link } from "react-router";
import { useApi, type InboxItem } from "../api";
import { LoadState } from "../components/Status";
import { formatDate } from "../format";
import { useLanguage } from "../i18n";
import { UpwardDue } from "../upward/UpwardDue";

/** What the user's agencies owe, soonest due first, with the deadline counting down. */
export function InboxPage() {
  const { t } = useLanguage();
  const inbox = useApi<{ items: InboxItem[] }>("/api/inbox");
  if (!inbox.data) return <LoadState loading={inbox.loading} error={inbox.error} final={inbox.final} retrying={inbox.retrying} onRetry={inbox.reload} />;
  const items = inbox.data.items;
  return (
    <section>
      <h1>{t.inboxTitle}</h1>
      {/* The focal point's reports owed upward, above the agency's own (shown to those who read the reporting). */}
      <UpwardDue />
      {items.length === 0 && <p className="muted">{t.inboxEmpty}</p>}
      <ul className="inbox">
        {items.map((i) => {
          const open = i.status === "missing" || i.status === "draft" || i.status === "returned";
          const urgency = !open ? "done" : i.daysLeft < 0 ? "late" : i.daysLeft <= 7 ? "soon" : "later";
          return (
            <li key={`${i.roundId}-${i.agencyId}`} className={`inbox-item ${urgency}`}>
              <div>
                <strong>{i.title}</strong>
                <div className="muted">{i.agencyName} · {t.owes(i.tasksOwed, i.indicatorsOwed)}</div>
              </div>
              <div className="countdown">
                <div>{t.dueOn}: {formatDate(i.dueOn)}</div>
                {open && <strong className={urgency}>{t.countdown(i.daysLeft)}</strong>}
              </div>
              <span className={`tag status-${i.status}`}>{t.reportStatus[i.status]}</span>
              <div className="actions">
                <Link className="button" to={`/rounds/${i.roundId}/reports/${i.agencyId}`}>{t.openReport}</Link>
                <a className="button secondary" href={`/api/rounds/${i.roundId}/reports/${i.agencyId}/template`} download>{t.templateDownload}</a>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
