import { useLanguage } from "../i18n";

/** What a page shows while loading or after a failed load. */
export function LoadState({ loading, error, onRetry, final = false }: { loading: boolean; error: string | null; onRetry(): void; final?: boolean }) {
  const { t } = useLanguage();
  // No permission or nothing there: trying again would only fail again.
  if (error && final) return <p className="error" role="alert">{error}</p>;
  if (error) return <p className="error" role="alert">{t.error}: {error} <button onClick={onRetry}>{t.retry}</button></p>;
  if (loading) return <p className="muted" aria-busy="true">{t.loading}</p>;
  return null;
}
