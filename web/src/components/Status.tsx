import { useLanguage } from "../i18n";

/** What a page shows while loading or after a failed load. */
export function LoadState({ loading, error, onRetry, final = false, retrying = false }: { loading: boolean; error: string | null; onRetry(): void; final?: boolean; retrying?: boolean }) {
  const { t } = useLanguage();
  // The server is busy with it (a dashboard being prepared) and it is asked for again by itself: a wait, not a failure.
  if (error && retrying) return <p className="muted" role="status" aria-busy="true">{error}. {t.retryingByItself} <button onClick={onRetry}>{t.retryNow}</button></p>;
  // No permission or nothing there: trying again would only fail again.
  if (error && final) return <p className="error" role="alert">{error}</p>;
  if (error) return <p className="error" role="alert">{t.error}: {error} <button onClick={onRetry}>{t.retry}</button></p>;
  if (loading) return <p className="muted" aria-busy="true">{t.loading}</p>;
  return null;
}
