import { useEffect, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import type { auditEvents } from "../../../src/audit/schema";
import { getJson, useApi } from "../api";
import { formatDate } from "../format";
import { adminWords, formatDateTime, type AdminDictionary } from "../i18n-admin";
import { useLanguage } from "../i18n";
import { patchedQuery } from "../search-params";
import { useSession } from "../session";

type AuditEvent = typeof auditEvents.$inferSelect;
interface AuditAnswer { items: AuditEvent[]; next: number | null }

const PAGE = 50;
/** The filters the page keeps in its address, so a filtered view can be reloaded or sent on. */
const FILTERS = ["table", "action", "rowKey", "actorId"] as const;

/** The audit trail for administrators: who changed what and when, newest first, filterable, paged on demand. */
export function AuditPage() {
  const { lang } = useLanguage();
  const a = adminWords(lang);
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const table = params.get("table") ?? "";
  const [action, setAction] = useState(params.get("action") ?? "");
  const [rowKey, setRowKey] = useState(params.get("rowKey") ?? "");
  // A link in the list (an action, a record) changes the filters: the text boxes follow.
  const search = params.toString();
  useEffect(() => {
    const current = new URLSearchParams(search);
    setAction(current.get("action") ?? "");
    setRowKey(current.get("rowKey") ?? "");
  }, [search]);

  if (!can("audit.read")) {
    return (
      <section>
        <h1>{a.auditTitle}</h1>
        <p className="error" role="alert">{a.adminNotAllowed}</p>
      </section>
    );
  }

  const query = new URLSearchParams({ limit: String(PAGE) });
  for (const f of FILTERS) { const v = params.get(f); if (v) query.set(f, v); }

  const update = (changes: Partial<Record<(typeof FILTERS)[number] | "actorName", string>>) => setParams(patchedQuery(changes));
  const apply = (e: FormEvent) => { e.preventDefault(); update({ action: action.trim(), rowKey: rowKey.trim() }); };
  const clear = () => { setAction(""); setRowKey(""); setParams(new URLSearchParams()); };
  const actorId = params.get("actorId");
  const filtered = FILTERS.some((f) => params.get(f));

  return (
    <section className="audit">
      <h1>{a.auditTitle}</h1>
      <p className="muted">{a.auditHint}</p>
      <form className="filters" onSubmit={apply}>
        <label>{a.auditTable}
          <select value={table} onChange={(e) => update({ table: e.target.value, action: action.trim(), rowKey: rowKey.trim() })}>
            <option value="">{a.auditAllTables}</option>
            {Object.entries(a.auditTables).map(([name, label]) => <option key={name} value={name}>{label} ({name})</option>)}
          </select>
        </label>
        <label>{a.auditAction} <input value={action} onChange={(e) => setAction(e.target.value)} /></label>
        <label>{a.auditRowKey} <input value={rowKey} size={10} onChange={(e) => setRowKey(e.target.value)} /></label>
        <button type="submit">{a.auditApply}</button>
        {actorId && (
          <span className="tag">
            {a.auditColActor}: {params.get("actorName") ?? `#${actorId}`}{" "}
            <button type="button" className="link" aria-label={`${a.auditClear}: ${a.auditColActor}`} onClick={() => update({ actorId: "", actorName: "" })}>×</button>
          </span>
        )}
        {filtered && <button type="button" onClick={clear}>{a.auditClear}</button>}
      </form>
      <AuditList key={query.toString()} path={`/api/audit?${query}`} a={a} />
    </section>
  );
}

/** The events of one filter: the first page, and the next ones appended on demand. */
function AuditList({ path, a }: { path: string; a: AdminDictionary }) {
  const first = useApi<AuditAnswer>(path);
  const [more, setMore] = useState<AuditAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!first.data) {
    return first.error
      ? <p className="error" role="alert">{first.error} <button onClick={first.reload}>{a.adminRetry}</button></p>
      : <p className="muted" aria-busy="true">{a.adminLoading}</p>;
  }
  const items = [...first.data.items, ...(more?.items ?? [])];
  const next = more ? more.next : first.data.next;

  async function loadMore() {
    if (next === null) return;
    setBusy(true);
    setError(null);
    try {
      const page = await getJson<AuditAnswer>(`${path}&before=${next}`);
      setMore((m) => ({ items: [...(m?.items ?? []), ...page.items], next: page.next }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  if (items.length === 0) return <p className="muted">{a.auditEmpty}</p>;
  return (
    <>
      <p className="muted" aria-live="polite">{a.auditShown(items.length)}</p>
      <table className="documents audit-events">
        <thead>
          <tr>
            <th>{a.auditColAt}</th><th>{a.auditColActor}</th><th>{a.auditColAction}</th><th>{a.auditColRow}</th>
            <th>{a.auditColOperation}</th><th>{a.auditColChanges}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id} className="audit-event" data-table={e.tableName} data-operation={e.operation} data-row={e.rowKey}>
              <td className="nowrap">{formatDateTime(e.at)}</td>
              <td>
                {e.actorId !== null
                  ? <Link to={`?${new URLSearchParams({ actorId: String(e.actorId), actorName: e.actorName ?? "" })}`}>{e.actorName ?? `#${e.actorId}`}</Link>
                  : <span className="muted">{e.actorName ?? a.auditSystem}</span>}
              </td>
              <td>{e.action ? <Link className="audit-action" to={`?${new URLSearchParams({ action: e.action })}`}>{e.action}</Link> : <span className="muted">{a.adminNone}</span>}</td>
              <td>
                <span className="audit-table" title={e.tableName}>{a.auditTables[e.tableName] ?? e.tableName}</span>{" "}
                <Link to={`?${new URLSearchParams({ table: e.tableName, rowKey: e.rowKey })}`}><code>#{e.rowKey}</code></Link>
              </td>
              <td><span className={`tag op-${e.operation}`}>{a.auditOperations[e.operation] ?? e.operation}</span></td>
              <td><Diff event={e} a={a} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="pager">
        {next !== null ? <button type="button" onClick={() => void loadMore()} disabled={busy}>{busy ? a.adminLoading : a.auditMore}</button>
          : <span className="muted">{a.auditEnd}</span>}
      </div>
    </>
  );
}

const asObject = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const LONG = 160;

/** A column's value as people read it: dates the Vietnamese way, yes/no, JSON for the rest. */
function shown(v: unknown, a: AdminDictionary): string {
  if (v === null || v === undefined) return a.auditNull;
  if (typeof v === "boolean") return v ? a.auditTrue : a.auditFalse;
  if (typeof v === "string") {
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v);
    if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(v)) return formatDateTime(v);
    return v === "" ? a.auditNull : v;
  }
  if (typeof v === "number") return String(v);
  return JSON.stringify(v);
}

function Value({ v, a, className }: { v: unknown; a: AdminDictionary; className: string }) {
  const text = shown(v, a);
  const empty = v === null || v === undefined || v === "";
  return <td className={empty ? `${className} muted` : className} title={text.length > LONG ? text : undefined}>{text.length > LONG ? `${text.slice(0, LONG)}…` : text}</td>;
}

/**
 * One line per column: for an update the changed columns, before → after; for an insert the values
 * written (empty ones left out); for a delete the values removed.
 */
function Diff({ event, a }: { event: AuditEvent; a: AdminDictionary }) {
  const before = asObject(event.before);
  const after = asObject(event.after);
  const empty = (v: unknown) => v === null || v === undefined || v === "";
  let columns = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  if (event.operation === "insert") columns = columns.filter((c) => !empty(after[c]));
  if (event.operation === "delete") columns = columns.filter((c) => !empty(before[c]));
  if (columns.length === 0) return <span className="muted">{a.auditNoChange}</span>;
  return (
    <table className="diff">
      <tbody>
        {columns.map((c) => (
          <tr key={c} data-column={c}>
            <th scope="row">{c}</th>
            {event.operation === "update" ? (
              <>
                <Value v={before[c]} a={a} className="before" />
                <td className="arrow">→</td>
                <Value v={after[c]} a={a} className="after" />
              </>
            ) : event.operation === "insert" ? <Value v={after[c]} a={a} className="after" />
              : <Value v={before[c]} a={a} className="before removed" />}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
