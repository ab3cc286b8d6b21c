import { useState, type FormEvent } from "react";
import { ApiError, problemLine } from "../api";
import { useLanguage } from "../i18n";
import { useSession } from "../session";

/** Signing in; the API's message (wrong password, locked account, too many attempts) is shown as it is. */
export function SignInPage() {
  const { t } = useLanguage();
  const { signIn } = useSession();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true); setError(null);
    try { await signIn(username, password); } catch (err) { setError(err instanceof ApiError ? err.message : String(err)); } finally { setBusy(false); }
  }
  return (
    <form className="sign-in editor" onSubmit={submit}>
      <h1>{t.signInTitle}</h1>
      <label>{t.username} <input autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required /></label>
      <label>{t.password} <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required /></label>
      {error && <p className="error" role="alert">{error}</p>}
      <button className="primary" type="submit" disabled={busy}>{t.signIn}</button>
    </form>
  );
}

/** Changing one's password: required after an administrator's reset, and open to everyone from the header. */
export function ChangePasswordPage({ onDone }: { onDone?: () => void }) {
  const { t } = useLanguage();
  const { session, changePassword } = useSession();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (next !== repeat) { setError(t.passwordsDiffer); return; }
    setError(null);
    try {
      await changePassword(current, next);
      onDone?.();
    } catch (err) {
      setError(problemLine(err));
    }
  }
  return (
    <form className="sign-in editor" onSubmit={submit}>
      <h1>{t.changePasswordTitle}</h1>
      {session?.user.mustChangePassword && <p className="warning">{t.mustChangePassword}</p>}
      <label>{t.currentPassword} <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required /></label>
      <label>{t.newPassword} <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} required /></label>
      <label>{t.repeatPassword} <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required /></label>
      {error && <p className="error" role="alert">{error}</p>}
      <button className="primary" type="submit">{t.changePassword}</button>
    </form>
  );
}
