/**
 * Restructuring an agency (administrators): renamed, merged into another, split or its functions
 * transferred from a date. The form, then a confirmation saying what will move, then what moved.
 * Also the agency picker the administration screens share (one agency, or several).
 */
import { useId, useMemo, useState, type FormEvent, type KeyboardEvent } from "react";
import type { RestructureResult } from "../../../src/agencies/restructure";
import { foldPhrase } from "../../../src/text/fold";
import { isDateError, parseVietnameseDate } from "../../../src/text/dates";
import { ApiError, sendJson, useApi, type Agency, type Page } from "../api";
import { formatDate } from "../format";
import { adminWords, type AdminDictionary } from "../i18n-admin";
import { useLanguage } from "../i18n";
import { useSession } from "../session";

/** How many matching agencies the picker lists at once; typing narrows the rest. */
const PICKER_LIMIT = 60;

/**
 * Agencies of the registry picked by name (accents optional, aliases and codes match too): the chosen
 * ones as removable chips, then the matching ones as checkboxes (several) or radio buttons (one).
 */
export function AgencyPicker({ agencies, selected, multiple, onChange, legend, hint, error, exclude }: {
  agencies: Agency[]; selected: number[]; multiple: boolean; onChange(ids: number[]): void;
  legend: string; hint?: string; error?: string; exclude?: number;
}) {
  const { lang } = useLanguage();
  const a = adminWords(lang);
  const [q, setQ] = useState("");
  const name = useId();
  const errorId = useId();
  const searchable = useMemo(() => agencies.map((x) => ({ agency: x, text: foldPhrase([x.name, ...x.aliases, x.code].join(" ")) })), [agencies]);
  const byId = useMemo(() => new Map(agencies.map((x) => [x.id, x])), [agencies]);
  const today = new Date().toISOString().slice(0, 10);
  const words = foldPhrase(q).split(" ").filter(Boolean);
  const matching = searchable.filter((s) => s.agency.id !== exclude && words.every((w) => s.text.includes(w))).map((s) => s.agency);
  const shown = matching.slice(0, PICKER_LIMIT);
  const toggle = (id: number, on: boolean) => onChange(multiple ? (on ? [...selected.filter((x) => x !== id), id] : selected.filter((x) => x !== id)) : on ? [id] : []);
  // Enter in the search box narrows the list; it must not submit the surrounding form.
  const keepEnter = (e: KeyboardEvent<HTMLInputElement>) => { if (e.key === "Enter") e.preventDefault(); };
  return (
    <fieldset className="agency-picker" aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {hint && <p className="muted picker-hint">{hint}</p>}
      {selected.length === 0 ? <p className="muted picker-chosen">{a.pickerNone}</p> : (
        <ul className="picker-chosen">
          {selected.map((id) => {
            const label = byId.get(id)?.name ?? `#${id}`;
            return <li key={id}>{label} <button type="button" aria-label={a.pickerRemove(label)} title={a.pickerRemove(label)} onClick={() => toggle(id, false)}>×</button></li>;
          })}
        </ul>
      )}
      <label className="picker-search">{a.pickerSearch}
        <input type="search" value={q} placeholder={a.pickerSearchPlaceholder} onChange={(e) => setQ(e.target.value)} onKeyDown={keepEnter} />
      </label>
      {matching.length === 0 ? <p className="muted">{a.pickerNoMatch}</p> : (
        <ul className="picker-choices">
          {shown.map((x) => (
            <li key={x.id}>
              <label>
                <input type={multiple ? "checkbox" : "radio"} name={name} checked={selected.includes(x.id)} onChange={(e) => toggle(x.id, e.target.checked)} />
                {x.name}
                {x.validTo !== null && x.validTo < today && <span className="tag warn">{a.pickerEnded}</span>}
              </label>
            </li>
          ))}
        </ul>
      )}
      {matching.length > shown.length && <p className="muted">{a.pickerMore(matching.length - shown.length)}</p>}
      {error && <span className="field-error" role="alert" id={errorId}>{error}</span>}
    </fieldset>
  );
}

/** The API's field messages by top-level field ("agencyIds.0" counts as "agencyIds"), and what no field takes. */
export function fieldErrors(err: unknown, known: string[]): { fields: Record<string, string>; general: string | null } {
  if (!(err instanceof ApiError)) return { fields: {}, general: err instanceof Error ? err.message : String(err) };
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const f of err.fields) {
    const key = f.field.split(".")[0];
    if (known.includes(key)) fields[key] = fields[key] ? `${fields[key]}; ${f.message}` : f.message;
    else rest.push(f.field ? `${f.field}: ${f.message}` : f.message);
  }
  const general = Object.keys(fields).length > 0 && rest.length === 0 ? null : [err.message, ...rest].join(" · ");
  return { fields, general };
}

type Kind = "rename" | "merge" | "split" | "transfer";
const KINDS: Kind[] = ["rename", "merge", "split", "transfer"];
const FIELDS = ["kind", "effectiveDate", "successorIds", "note"];

interface RestructureProps { agency: { id: number; name: string; version: number }; onDone(): void }

/** On an agency's page, for those who may restructure agencies: a button that opens the form. */
export function RestructureForm({ agency, onDone }: RestructureProps) {
  const { lang } = useLanguage();
  const a = adminWords(lang);
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  if (!can("agencies.restructure")) return null;
  return (
    <section className="restructure" aria-labelledby="restructure-title">
      <h2 id="restructure-title">{a.restructureTitle}</h2>
      {open ? <RestructureSteps agency={agency} onDone={onDone} onClose={() => setOpen(false)} a={a} />
        : <p><span className="muted">{a.restructureHint}</span> <button type="button" onClick={() => setOpen(true)}>{a.restructureOpen}</button></p>}
    </section>
  );
}

/** The day before an ISO date, when the agency's existence ends. */
function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function RestructureSteps({ agency, onDone, onClose, a }: RestructureProps & { onClose(): void; a: AdminDictionary }) {
  const registry = useApi<Page<Agency>>("/api/agencies?pageSize=500");
  const [step, setStep] = useState<"edit" | "confirm" | "done">("edit");
  const [kind, setKind] = useState<Kind>("merge");
  const [date, setDate] = useState("");
  const [successorIds, setSuccessorIds] = useState<number[]>([]);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RestructureResult | null>(null);
  const ids = { kind: useId(), date: useId(), note: useId() };

  const agencies = registry.data?.items ?? [];
  const nameOf = (id: number) => agencies.find((x) => x.id === id)?.name ?? `#${id}`;
  const successorNames = successorIds.map(nameOf).join(", ");
  const parsed = parseVietnameseDate(date);
  const iso = !isDateError(parsed) && parsed.kind === "date" ? parsed.iso : null;

  function changeKind(next: Kind) {
    setKind(next);
    // Only a split has several successors: keep the first one chosen.
    if (next !== "split" && successorIds.length > 1) setSuccessorIds(successorIds.slice(0, 1));
  }

  function review(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!iso) problems.effectiveDate = a.restructureDateInvalid;
    if (kind === "split" ? successorIds.length === 0 : successorIds.length !== 1) problems.successorIds = kind === "split" ? a.restructureNeedSome : a.restructureNeedOne;
    setErrors(problems);
    setGeneral(null);
    if (Object.keys(problems).length === 0) setStep("confirm");
  }

  async function apply() {
    setBusy(true);
    setGeneral(null);
    try {
      const moved = await sendJson<RestructureResult>("POST", `/api/agencies/${agency.id}/restructure`, { kind, effectiveDate: iso ?? date.trim(), successorIds, note: note.trim() || null, version: agency.version });
      setResult(moved);
      setStep("done");
      onDone();
    } catch (err) {
      const { fields, general: rest } = fieldErrors(err, FIELDS);
      setErrors(fields);
      setGeneral(err instanceof ApiError && err.code === "conflict" ? a.restructureConflict : rest);
      setStep("edit");
    } finally {
      setBusy(false);
    }
  }

  if (step === "done" && result) {
    return (
      <div className="restructure-done" role="status">
        <p><strong>{a.restructureDone}</strong> {a.restructureSummary[kind](agency.name, successorNames, iso ? formatDate(iso) : date)}</p>
        <p>{a.restructureMoved}</p>
        <ul className="moved">
          <li data-moved="tasks">{a.restructureTasksMoved(result.taskAssignmentsMoved)}</li>
          <li data-moved="indicators">{a.restructureIndicatorsMoved(result.indicatorsMoved)}</li>
          <li data-moved="rounds">{a.restructureRoundsMoved(result.roundsMoved)}</li>
        </ul>
        <button type="button" onClick={onClose}>{a.adminClose}</button>
      </div>
    );
  }

  if (step === "confirm" && iso) {
    return (
      <div className="restructure-confirm" role="group" aria-label={a.restructureConfirmTitle}>
        <h3>{a.restructureConfirmTitle}</h3>
        <p>{a.restructureSummary[kind](agency.name, successorNames, formatDate(iso))}</p>
        <p>{a.restructureEnds(agency.name, formatDate(dayBefore(iso)))}</p>
        <p className="warning">{a.restructureMoves}</p>
        {note.trim() && <p className="muted">{a.restructureNote}: {note.trim()}</p>}
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void apply()}>{busy ? a.restructureRunning : a.restructureConfirm}</button>
          <button type="button" disabled={busy} onClick={() => setStep("edit")}>{a.restructureBack}</button>
        </div>
      </div>
    );
  }

  return (
    <form className="editor restructure-form" onSubmit={review} noValidate>
      <label htmlFor={ids.kind}>{a.restructureKind}</label>
      <select id={ids.kind} value={kind} onChange={(e) => changeKind(e.target.value as Kind)} aria-invalid={errors.kind ? true : undefined}>
        {KINDS.map((k) => <option key={k} value={k}>{a.restructureKinds[k]}</option>)}
      </select>
      {errors.kind && <span className="field-error" role="alert">{errors.kind}</span>}
      <label htmlFor={ids.date}>{a.restructureDate}</label>
      <input id={ids.date} className="date-input" value={date} placeholder="dd/mm/yyyy" inputMode="numeric" autoComplete="off"
        onChange={(e) => setDate(e.target.value)} aria-invalid={errors.effectiveDate ? true : undefined} />
      {errors.effectiveDate && <span className="field-error" role="alert">{errors.effectiveDate}</span>}
      {registry.data ? (
        <AgencyPicker agencies={agencies} selected={successorIds} multiple={kind === "split"} onChange={setSuccessorIds} exclude={agency.id}
          legend={kind === "split" ? a.restructureSuccessors : a.restructureSuccessor} hint={a.restructureSuccessorHints[kind]} error={errors.successorIds} />
      ) : registry.error ? (
        <p className="error" role="alert">{registry.error} <button type="button" onClick={registry.reload}>{a.adminRetry}</button></p>
      ) : <p className="muted" aria-busy="true">{a.adminLoading}</p>}
      <label htmlFor={ids.note}>{a.restructureNote}</label>
      <textarea id={ids.note} rows={2} value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={errors.note ? true : undefined} />
      {errors.note && <span className="field-error" role="alert">{errors.note}</span>}
      {general && <p className="error" role="alert">{general}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={!registry.data}>{a.restructureNext}</button>
        <button type="button" onClick={onClose}>{a.adminCancel}</button>
      </div>
    </form>
  );
}
