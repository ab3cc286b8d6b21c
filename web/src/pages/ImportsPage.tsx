import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { ApiError, uploadFile, useApi, type ImportDetail, type ImportSummary, type Page } from "../api";
import { LoadState } from "../components/Status";
import { formatDate } from "../format";
import { useLanguage } from "../i18n";

/** Upload a document to import, and the imports so far. */
export function ImportsPage() {
  const { t } = useLanguage();
  const navigate = useNavigate();
  const list = useApi<Page<ImportSummary>>("/api/imports?pageSize=50");
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; existing?: number } | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      const created = await uploadFile<ImportDetail>("/api/imports", file);
      navigate(`/imports/${created.id}`);
    } catch (err) {
      const api = err instanceof ApiError ? err : null;
      const existing = api?.fields.find((f) => f.field === "existingImportId")?.message;
      const detail = api?.fields.find((f) => f.field === "file")?.message;
      setProblem({ message: detail && detail !== api?.message ? `${api?.message}: ${detail}` : (api?.message ?? String(err)), existing: existing ? Number(existing) : undefined });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <h1>{t.importsTitle}</h1>
      <p className="muted">{t.importHint}</p>
      <form className="upload" onSubmit={submit}>
        <label>{t.importFile} <input type="file" name="file" accept=".docx,.pdf,.txt" onChange={(e) => setFile(e.target.files?.[0] ?? null)} /></label>
        <button type="submit" disabled={!file || busy}>{busy ? t.importReading : t.importUpload}</button>
      </form>
      {problem && (
        <p className="error" role="alert">
          {problem.message}
          {problem.existing && <> · <Link to={`/imports/${problem.existing}`}>{t.importDuplicate}</Link></>}
        </p>
      )}
      <h2>{t.importList}</h2>
      {!list.data ? <LoadState loading={list.loading} error={list.error} final={list.final} retrying={list.retrying} onRetry={list.reload} />
        : list.data.items.length === 0 ? <p className="muted">{t.importNone}</p> : (
          <table className="documents imports">
            <thead><tr><th>{t.colSymbol}</th><th>{t.colTitle}</th><th>{t.colFile}</th><th>{t.colCounts}</th><th>{t.colStatus}</th><th>{t.colUploaded}</th></tr></thead>
            <tbody>
              {list.data.items.map((i) => (
                <tr key={i.id}>
                  <td className="nowrap"><Link to={`/imports/${i.id}`}>{i.symbol ?? t.noSymbol}</Link></td>
                  <td>{i.title}</td>
                  <td className="filename">{i.fileName}</td>
                  <td className="nowrap">{i.taskCount} / {i.indicatorCount}</td>
                  <td>{t.importStatus[i.status]}{i.documentId && <> · <Link to={`/documents/${i.documentId}`}>{t.navDocuments}</Link></>}</td>
                  <td className="nowrap">{formatDate(i.createdAt.slice(0, 10))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
    </section>
  );
}
