import type { ReactElement } from "react";
import { Link } from "react-router";
import { useApi, type Agency, type Page, type Succession } from "../api";
import { LoadState } from "../components/Status";
import { formatDate } from "../format";
import { useLanguage } from "../i18n";

/** The agency registry as a tree by parent, grouped by kind, with the 2025 successions. */
export function AgenciesPage() {
  const { t } = useLanguage();
  const list = useApi<Page<Agency>>("/api/agencies?pageSize=500");
  const successions = useApi<Succession[]>("/api/agencies/successions");
  if (!list.data || !successions.data) {
    return <LoadState loading={list.loading || successions.loading} error={list.error ?? successions.error} retrying={list.error ? list.retrying : successions.retrying} onRetry={() => { list.reload(); successions.reload(); }} />;
  }
  const agencies = list.data.items;
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const children = (parentId: number | null) => agencies.filter((a) => (a.parentId ?? null) === parentId || (parentId === null && a.parentId !== null && !byId.has(a.parentId)));
  const today = new Date().toISOString().slice(0, 10);

  const render = (a: Agency, depth: number): ReactElement => {
    const ended = a.validTo !== null && a.validTo < today;
    const next = successions.data!.filter((s) => s.predecessorId === a.id);
    const prev = successions.data!.filter((s) => s.successorId === a.id);
    const kids = children(a.id);
    return (
      <li key={a.id} className={ended ? "ended" : undefined} data-code={a.code}>
        <div className="agency">
          <strong><Link to={`/agencies/${a.id}`}>{a.name}</Link></strong> <span className="tag">{t.agencyKinds[a.kind]}</span>
          {ended && <span className="tag warn">{t.ended}</span>}
          {a.aliases.length > 0 && <span className="muted"> · {t.aliases}: {a.aliases.join("; ")}</span>}
          {(a.validFrom || a.validTo) && <span className="muted"> · {a.validFrom ? `${t.validFrom} ${formatDate(a.validFrom)} ` : ""}{a.validTo ? `${t.validTo} ${formatDate(a.validTo)}` : ""}</span>}
          {next.map((s) => <div key={s.successorId} className="succession">→ {t.successors}: <strong>{byId.get(s.successorId)?.name}</strong> ({t.successionKinds[s.kind]}, {t.since(formatDate(s.effectiveDate))})</div>)}
          {prev.map((s) => <div key={s.predecessorId} className="succession muted">← {t.predecessors}: {byId.get(s.predecessorId)?.name} ({t.since(formatDate(s.effectiveDate))})</div>)}
        </div>
        {kids.length > 0 && depth < 6 && <ul>{kids.map((k) => render(k, depth + 1))}</ul>}
      </li>
    );
  };

  return (
    <section>
      <h1>{t.agenciesTitle}</h1>
      <ul className="tree">{children(null).map((a) => render(a, 0))}</ul>
    </section>
  );
}
