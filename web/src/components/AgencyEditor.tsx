import { useState } from "react";
import { ApiError, sendJson, type AgencyDetail } from "../api";
import { useLanguage } from "../i18n";

/** Edits an agency's name, aliases and kind (sending the version read; a stale one is refused). */
export function AgencyEditor({ agency, onSaved }: { agency: AgencyDetail; onSaved(): void }) {
  const { t } = useLanguage();
  const [name, setName] = useState(agency.name);
  const [aliases, setAliases] = useState(agency.aliases.join("; "));
  const [kind, setKind] = useState(agency.kind);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setError(null);
    try {
      await sendJson("PATCH", `/api/agencies/${agency.id}`, { name, aliases: aliases.split(";").map((a) => a.trim()).filter(Boolean), kind, version: agency.version });
      onSaved();
    } catch (e) { setError(e instanceof ApiError && e.fields.length ? e.fields.map((f) => f.message).join("; ") : (e as Error).message); }
  };
  return (
    <details className="panel">
      <summary>{t.editAgency}</summary>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <label>{t.agencyNameLabel} <input value={name} onChange={(e) => setName(e.target.value)} /></label>
        <label>{t.agencyAliases} <input value={aliases} onChange={(e) => setAliases(e.target.value)} /></label>
        <label>{t.agencyKindLabel}
          <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            {Object.entries(t.agencyKinds).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
          </select>
        </label>
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit">{t.saveAgency}</button>
      </form>
    </details>
  );
}
