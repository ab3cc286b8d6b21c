/** Editors for a draft's items on the import review screen: the list of items, a task, an indicator, an agency, a collective phrase's members. */
import { useState, type ReactNode } from "react";
import { COMPARATORS } from "../../../src/plans/schema";
import { parseVietnameseNumber } from "../../../src/text/numbers";
import type { Agency, Draft } from "../api";
import { formatNumber } from "../format";
import { useLanguage } from "../i18n";

export type TaskDraft = Draft["tasks"][number];
export type IndicatorDraft = Draft["indicators"][number];
type AgencyMapping = Draft["agencies"][number];

const names = (s: string) => s.split(";").map((x) => x.trim()).filter(Boolean);

interface Span { start: number | null; end: number | null }

/**
 * A draft's tasks or indicators: each selectable (highlighting its clause in the source), editable and
 * removable while the import is a draft; a blank one can be added at the end, opened for editing.
 */
export function DraftItems<T extends Span>({ items, testId, editable, span, onSelect, onChange, blank, addLabel, head, editor }: {
  items: T[]; testId: string; editable: boolean; span: Span | null; onSelect(span: Span): void; onChange(items: T[]): void;
  blank(): T; addLabel: string; head(item: T): ReactNode; editor(item: T, onChange: (next: T) => void): ReactNode;
}) {
  const { t } = useLanguage();
  const [editing, setEditing] = useState<number | null>(null);
  return (
    <ol className="items">
      {items.map((item, i) => (
        <li key={i} className={span?.start === item.start && span?.end === item.end ? "item selected" : "item"} data-testid={testId}>
          <div className="item-head" onClick={() => onSelect({ start: item.start, end: item.end })}>{head(item)}</div>
          {editable && (
            <div className="item-actions">
              <button onClick={() => setEditing(editing === i ? null : i)}>{editing === i ? t.done : t.edit}</button>
              <button onClick={() => { onChange(items.filter((_, k) => k !== i)); setEditing(null); }}>{t.remove}</button>
            </div>
          )}
          {editing === i && editor(item, (next) => onChange(items.map((x, k) => (k === i ? next : x))))}
        </li>
      ))}
      {editable && <li><button onClick={() => { onChange([...items, blank()]); setEditing(items.length); }}>{addLabel}</button></li>}
    </ol>
  );
}

export function TaskEditor({ task, onChange }: { task: TaskDraft; onChange(next: TaskDraft): void }) {
  const { t } = useLanguage();
  return (
    <div className="editor">
      <label>{t.section} <input value={task.section ?? ""} onChange={(e) => onChange({ ...task, section: e.target.value || null })} /></label>
      <label>{t.workText} <textarea rows={4} value={task.text} onChange={(e) => onChange({ ...task, text: e.target.value })} /></label>
      <label>{t.lead} <span className="muted">({t.namesHint})</span>
        <input value={task.lead.join("; ")} onChange={(e) => onChange({ ...task, lead: names(e.target.value) })} /></label>
      <label>{t.coordinating} <span className="muted">({t.namesHint})</span>
        <input value={task.coordinating.join("; ")} onChange={(e) => onChange({ ...task, coordinating: names(e.target.value) })} /></label>
      <label>{t.deadline} <input value={task.deadlineText ?? ""} onChange={(e) => onChange({ ...task, deadlineText: e.target.value || null })} /></label>
      <label>{t.output} <input value={task.output ?? ""} onChange={(e) => onChange({ ...task, output: e.target.value || null })} /></label>
    </div>
  );
}

/**
 * A number typed the Vietnamese way ("1.234,5"): the text stays as typed while it does not read as a
 * number (the field says so), and the value changes only when it does.
 */
export function NumberField({ label, value, onChange }: { label: string; value: number | null; onChange(next: number | null): void }) {
  const { t } = useLanguage();
  const [typed, setTyped] = useState(formatNumber(value));
  const parsed = typed.trim() === "" ? null : parseVietnameseNumber(typed);
  const invalid = typed.trim() !== "" && parsed === null;
  return (
    <label>{label} <span className="muted">({t.numberHint})</span>
      <input value={typed} inputMode="decimal" aria-invalid={invalid}
        onChange={(e) => {
          setTyped(e.target.value);
          const next = e.target.value.trim() === "" ? null : parseVietnameseNumber(e.target.value);
          if (e.target.value.trim() === "" || next !== null) onChange(next);
        }} />
      {invalid && <span className="field-error" role="alert">{t.notANumber(label)}</span>}
    </label>
  );
}

const yearOf = (typed: string) => (/^\d{4}$/.test(typed.trim()) ? Number(typed.trim()) : null);

export function IndicatorEditor({ indicator, onChange }: { indicator: IndicatorDraft; onChange(next: IndicatorDraft): void }) {
  const { t } = useLanguage();
  const set = (patch: Partial<IndicatorDraft>) => onChange({ ...indicator, ...patch });
  return (
    <div className="editor">
      <label>{t.indicatorName} <textarea rows={2} value={indicator.name} onChange={(e) => set({ name: e.target.value })} /></label>
      <label>{t.indicatorComparator}
        <select value={indicator.comparator} onChange={(e) => set({ comparator: e.target.value as IndicatorDraft["comparator"] })}>
          {COMPARATORS.map((c) => <option key={c} value={c}>{t.comparators[c]}</option>)}
        </select>
      </label>
      <NumberField label={t.indicatorMin} value={indicator.min} onChange={(min) => set({ min })} />
      {indicator.comparator === "range" && <NumberField label={t.indicatorMax} value={indicator.max} onChange={(max) => set({ max })} />}
      <label>{t.indicatorUnit} <input value={indicator.unit ?? ""} onChange={(e) => set({ unit: e.target.value || null })} /></label>
      <label><input type="checkbox" checked={indicator.perYear} onChange={(e) => set({ perYear: e.target.checked })} /> {t.indicatorPerYear}</label>
      <label>{t.indicatorYear}
        <input value={indicator.year ?? ""} inputMode="numeric" onChange={(e) => set({ year: yearOf(e.target.value) })} />
      </label>
      <label>{t.indicatorPeriodFrom}
        <input value={indicator.periodFrom ?? ""} inputMode="numeric" onChange={(e) => set({ periodFrom: yearOf(e.target.value) })} />
      </label>
      <label>{t.indicatorPeriodTo}
        <input value={indicator.periodTo ?? ""} inputMode="numeric" onChange={(e) => set({ periodTo: yearOf(e.target.value) })} />
      </label>
      <label>{t.indicatorDirection}
        <select value={indicator.direction} onChange={(e) => set({ direction: e.target.value as IndicatorDraft["direction"] })}>
          <option value="higher">{t.directionHigher}</option><option value="lower">{t.directionLower}</option>
        </select>
      </label>
      <label>{t.indicatorKindLabel}
        <select value={indicator.kind} onChange={(e) => set({ kind: e.target.value as IndicatorDraft["kind"] })}>
          {(["target", "actual", "estimate"] as const).map((k) => <option key={k} value={k}>{t.indicatorKind[k]}</option>)}
        </select>
      </label>
    </div>
  );
}

/** One registry agency or none: an indicator's owner, picked in the review and on the document page. */
export function AgencySelect({ label, value, registry, disabled, noneLabel, onChange }: {
  label: string; value: number | null; registry: Agency[]; disabled?: boolean; noneLabel?: string; onChange(agencyId: number | null): void;
}) {
  const { t } = useLanguage();
  return (
    <select className="agency" aria-label={label} value={value ?? ""} disabled={disabled} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
      <option value="">{noneLabel ?? t.ownerNone}</option>
      {registry.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
    </select>
  );
}

/** The registry agencies a collective phrase ("các sở, ban, ngành") stands for, picked one by one. */
export function MembersPicker({ mapping, registry, disabled, onChange }: {
  mapping: AgencyMapping; registry: Agency[]; disabled: boolean; onChange(agencyIds: number[]): void;
}) {
  const { t } = useLanguage();
  const chosen = new Set(mapping.agencyIds);
  return (
    <details className="members">
      <summary>{t.agencyPick(chosen.size)}</summary>
      <ul>
        {registry.map((r) => (
          <li key={r.id}><label>
            <input type="checkbox" disabled={disabled} checked={chosen.has(r.id)}
              onChange={(e) => onChange(e.target.checked ? [...mapping.agencyIds, r.id] : mapping.agencyIds.filter((x) => x !== r.id))} />
            {r.name}
          </label></li>
        ))}
      </ul>
    </details>
  );
}

/**
 * Registry agencies chosen one by one, as a list: each removable, one more added from the registry. A task's
 * lead or coordinating agencies, or those a collective phrase stands for, on the document page.
 */
export function AgencyPicker({ label, ids, registry, onChange }: { label: string; ids: number[]; registry: Agency[]; onChange(ids: number[]): void }) {
  const { t } = useLanguage();
  const nameOf = new Map(registry.map((r) => [r.id, r.name]));
  return (
    <div className="agency-picker" role="group" aria-label={label}>
      <ul className="chosen">
        {ids.map((id) => (
          <li key={id}>{nameOf.get(id) ?? `#${id}`}
            <button type="button" className="small" aria-label={t.removeAgency(nameOf.get(id) ?? `#${id}`)} onClick={() => onChange(ids.filter((x) => x !== id))}>×</button>
          </li>
        ))}
      </ul>
      <AgencySelect label={`${t.addAgency}: ${label}`} value={null} noneLabel={t.addAgencyOption} registry={registry.filter((r) => !ids.includes(r.id))}
        onChange={(id) => { if (id !== null) onChange([...ids, id]); }} />
    </div>
  );
}
