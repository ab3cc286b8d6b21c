import { useId, useMemo, useState, type FormEvent, type ReactNode } from "react";
import type { Role } from "../../../src/accounts/schema";
import type { UserView } from "../../../src/accounts/users";
import { foldPhrase } from "../../../src/text/fold";
import { ApiError, getJson, sendJson, useApi, type Agency, type Page } from "../api";
import { AgencyPicker, fieldErrors } from "../components/RestructureForm";
import { adminWords, formatDateTime, type AdminDictionary } from "../i18n-admin";
import { useLanguage } from "../i18n";
import { useSession } from "../session";

interface UserList { items: UserView[] }

/** Letters and digits that cannot be mistaken for one another when read out or copied by hand (no 0/O, 1/l/I). */
const PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

/** A random temporary password (14 characters, about 81 bits), drawn without modulo bias. */
export function generatePassword(length = 14): string {
  const n = PASSWORD_ALPHABET.length;
  const limit = 256 - (256 % n);
  let out = "";
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
    for (const b of bytes) if (b < limit && out.length < length) out += PASSWORD_ALPHABET[b % n];
  }
  return out;
}

const isLocked = (u: UserView) => u.lockedUntil !== null && new Date(u.lockedUntil).getTime() > Date.now();

/** A field's label, control, hint and the API's message, the hint and message tied to the control for screen readers. */
function Field({ label, hint, error, children }: { label: string; hint?: string; error?: string; children: (props: { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string }) => ReactNode }) {
  const id = useId();
  const hintId = useId();
  const messageId = useId();
  const described = [hint ? hintId : "", error ? messageId : ""].filter(Boolean).join(" ");
  return (
    <div className="admin-field">
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": described || undefined })}
      {hint && <span className="muted field-hint" id={hintId}>{hint}</span>}
      {error && <span className="field-error" role="alert" id={messageId}>{error}</span>}
    </div>
  );
}

function RoleSelect({ value, onChange, disabled, a, ...props }: { value: Role; onChange(role: Role): void; disabled?: boolean; a: AdminDictionary; id: string }) {
  return (
    <select {...props} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as Role)}>
      {(Object.keys(a.userRoles) as Role[]).map((r) => <option key={r} value={r}>{a.userRoles[r]} — {a.userRoleHints[r]}</option>)}
    </select>
  );
}

/** Administrators manage accounts: create, edit role, agencies and e-mail, disable, unlock, reset the password. */
export function UsersPage() {
  const { lang } = useLanguage();
  const a = adminWords(lang);
  const { can, session } = useSession();
  const allowed = can("users.manage");
  const users = useApi<UserList>(allowed ? "/api/users" : null);
  const registry = useApi<Page<Agency>>(allowed ? "/api/agencies?pageSize=500" : null);
  const [filter, setFilter] = useState("");
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<{ id: number; panel: "edit" | "reset" } | null>(null);
  const [notice, setNotice] = useState<{ text: string; password?: string } | null>(null);

  const agencies = registry.data?.items ?? [];
  const agencyName = useMemo(() => new Map(agencies.map((x) => [x.id, x.name])), [agencies]);

  if (!allowed) {
    return (
      <section>
        <h1>{a.usersTitle}</h1>
        <p className="error" role="alert">{a.adminNotAllowed}</p>
      </section>
    );
  }
  if (!users.data || !registry.data) {
    const error = users.error ?? registry.error;
    return (
      <section>
        <h1>{a.usersTitle}</h1>
        {error ? <p className="error" role="alert">{error} <button onClick={() => { users.reload(); registry.reload(); }}>{a.adminRetry}</button></p>
          : <p className="muted" aria-busy="true">{a.adminLoading}</p>}
      </section>
    );
  }

  const words = foldPhrase(filter).split(" ").filter(Boolean);
  const namesOf = (u: UserView) => u.agencyIds.map((id) => agencyName.get(id) ?? `#${id}`);
  const shown = users.data.items.filter((u) => {
    if (words.length === 0) return true;
    const text = foldPhrase([u.username, u.displayName, u.email ?? "", ...namesOf(u)].join(" "));
    return words.every((w) => text.includes(w));
  });
  const toggle = (id: number, panel: "edit" | "reset") => { setNotice(null); setOpen(open?.id === id && open.panel === panel ? null : { id, panel }); };

  return (
    <section className="admin-users">
      <h1>{a.usersTitle}</h1>
      <p className="muted">{a.usersHint}</p>

      {notice && (
        <div className="admin-notice" role="status">
          <p>{notice.text}</p>
          {notice.password && <p>{a.userPasswordNotice} <code className="password" data-testid="temporary-password">{notice.password}</code></p>}
          <button type="button" onClick={() => setNotice(null)}>{a.adminClose}</button>
        </div>
      )}

      {creating ? (
        <CreateUserForm a={a} agencies={agencies} onCancel={() => setCreating(false)}
          onCreated={(u, password) => { setCreating(false); setNotice({ text: a.userCreated(u.username), password }); users.reload(); }} />
      ) : (
        <p><button type="button" className="primary" onClick={() => { setNotice(null); setCreating(true); }}>{a.userCreateOpen}</button></p>
      )}

      <div className="filters">
        <label>{a.usersFilter} <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} /></label>
        <p className="muted" aria-live="polite">{a.usersCount(shown.length, users.data.items.length)}</p>
      </div>

      {shown.length === 0 ? <p className="muted">{a.usersEmpty}</p> : (
        <table className="documents users">
          <thead>
            <tr>
              <th>{a.userColUsername}</th><th>{a.userColName}</th><th>{a.userColEmail}</th><th>{a.userColRole}</th>
              <th>{a.userColAgencies}</th><th>{a.userColState}</th><th>{a.userColActions}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((u) => {
              const panel = open?.id === u.id ? open.panel : null;
              return [
                <tr key={u.id} data-username={u.username} className={u.disabled ? "disabled" : undefined}>
                  <td className="nowrap"><code>{u.username}</code></td>
                  <td>{u.displayName}</td>
                  <td>{u.email ?? <span className="muted">{a.adminNone}</span>}</td>
                  <td className="nowrap">{a.userRoles[u.role]}</td>
                  <td>{u.agencyIds.length ? namesOf(u).join("; ") : <span className="muted">{a.adminNone}</span>}</td>
                  <td><UserState u={u} a={a} /></td>
                  <td className="nowrap row-actions">
                    <button type="button" aria-expanded={panel === "edit"} onClick={() => toggle(u.id, "edit")}>{a.userEdit}</button>
                    <button type="button" aria-expanded={panel === "reset"} onClick={() => toggle(u.id, "reset")}>{a.userReset}</button>
                  </td>
                </tr>,
                panel && (
                  <tr key={`${u.id}-${panel}`} className="user-panel">
                    <td colSpan={7}>
                      {panel === "edit" ? (
                        <EditUserForm key={u.id} user={u} a={a} agencies={agencies} self={session?.user.id === u.id} onClose={() => setOpen(null)}
                          onSaved={() => users.reload()}
                          onConflict={async () => (await getJson<UserList>("/api/users")).items.find((x) => x.id === u.id) ?? null} />
                      ) : (
                        <ResetPasswordForm key={u.id} user={u} a={a} onClose={() => setOpen(null)}
                          onDone={(password) => { setOpen(null); setNotice({ text: a.userResetDone(u.username), password }); users.reload(); }} />
                      )}
                    </td>
                  </tr>
                ),
              ];
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function UserState({ u, a }: { u: UserView; a: AdminDictionary }) {
  const locked = isLocked(u);
  return (
    <span className="user-state">
      {u.disabled && <span className="tag warn">{a.userStateDisabled}</span>}
      {locked && <span className="tag warn">{a.userStateLocked(formatDateTime(u.lockedUntil))}</span>}
      {u.mustChangePassword && <span className="tag">{a.userStateMustChange}</span>}
      {!u.disabled && !locked && !u.mustChangePassword && <span className="tag ok">{a.userStateActive}</span>}
    </span>
  );
}

const CREATE_FIELDS = ["username", "displayName", "email", "role", "agencyIds", "password"];

function CreateUserForm({ a, agencies, onCreated, onCancel }: { a: AdminDictionary; agencies: Agency[]; onCreated(u: UserView, password: string): void; onCancel(): void }) {
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("reporter");
  const [agencyIds, setAgencyIds] = useState<number[]>([]);
  const [password, setPassword] = useState(() => generatePassword());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Agencies matter for a reporter; once some are chosen they stay visible whatever the role, so nothing hidden is sent.
  const showAgencies = role === "reporter" || agencyIds.length > 0;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setGeneral(null);
    if (role === "reporter" && agencyIds.length === 0) { setErrors({ agencyIds: a.userAgenciesRequired }); return; }
    setErrors({});
    setBusy(true);
    try {
      const created = await sendJson<UserView>("POST", "/api/users", { username: username.trim(), displayName: displayName.trim(), email: email.trim() || null, role, agencyIds, password, mustChangePassword: true });
      onCreated(created, password);
    } catch (err) {
      const { fields, general: rest } = fieldErrors(err, CREATE_FIELDS);
      setErrors(fields);
      setGeneral(rest);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="editor admin-form" onSubmit={submit} noValidate aria-labelledby="create-user-title">
      <h2 id="create-user-title">{a.userCreateTitle}</h2>
      <Field label={a.userUsername} hint={a.userUsernameHint} error={errors.username}>
        {(p) => <input {...p} value={username} autoComplete="off" autoCapitalize="none" spellCheck={false} onChange={(e) => setUsername(e.target.value)} />}
      </Field>
      <Field label={a.userDisplayName} error={errors.displayName}>
        {(p) => <input {...p} value={displayName} autoComplete="off" onChange={(e) => setDisplayName(e.target.value)} />}
      </Field>
      <Field label={a.userEmail} error={errors.email}>
        {(p) => <input {...p} type="email" value={email} autoComplete="off" onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <Field label={a.userRole} error={errors.role}>
        {(p) => <RoleSelect {...p} a={a} value={role} onChange={setRole} />}
      </Field>
      {showAgencies && (
        <AgencyPicker agencies={agencies} selected={agencyIds} multiple onChange={setAgencyIds} legend={a.userAgencies} hint={a.userAgenciesHint} error={errors.agencyIds} />
      )}
      <TemporaryPassword a={a} value={password} onChange={setPassword} error={errors.password} general={general} busy={busy} submitLabel={a.userCreate} onCancel={onCancel} />
    </form>
  );
}

/** The temporary-password field (with a generator) and the form's closing buttons, shared by creating a user and resetting a password. */
function TemporaryPassword({ a, value, onChange, error, general, busy, submitLabel, onCancel }: {
  a: AdminDictionary; value: string; onChange(next: string): void; error: string | undefined; general: string | null; busy: boolean; submitLabel: string; onCancel(): void;
}) {
  return (
    <>
      <Field label={a.userTempPassword} error={error}>
        {(p) => (
          <span className="password-row">
            <input {...p} className="password" value={value} autoComplete="off" spellCheck={false} onChange={(e) => onChange(e.target.value)} />
            <button type="button" onClick={() => onChange(generatePassword())}>{a.userGenerate}</button>
          </span>
        )}
      </Field>
      {general && <p className="error" role="alert">{general}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>{busy ? a.adminSaving : submitLabel}</button>
        <button type="button" onClick={onCancel}>{a.adminCancel}</button>
      </div>
    </>
  );
}

const EDIT_FIELDS = ["displayName", "email", "role", "agencyIds", "disabled", "unlock"];
const sameSet = (x: number[], y: number[]) => x.length === y.length && x.every((v) => y.includes(v));

/**
 * One account's name, e-mail, role and agencies, and its disabled and locked states. The version read
 * when the form opened travels with every change; each answer brings the next one. After a conflict
 * the form shows the account as it now is, to edit again.
 */
function EditUserForm({ user, a, agencies, self, onSaved, onConflict, onClose }: {
  user: UserView; a: AdminDictionary; agencies: Agency[]; self: boolean;
  onSaved(u: UserView): void; onConflict(): Promise<UserView | null>; onClose(): void;
}) {
  const [current, setCurrent] = useState(user);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [email, setEmail] = useState(user.email ?? "");
  const [role, setRole] = useState<Role>(user.role);
  const [agencyIds, setAgencyIds] = useState<number[]>(user.agencyIds);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const showAgencies = role === "reporter" || agencyIds.length > 0;

  function showAccount(u: UserView) {
    setCurrent(u);
    setDisplayName(u.displayName);
    setEmail(u.email ?? "");
    setRole(u.role);
    setAgencyIds(u.agencyIds);
  }

  async function patch(changes: Record<string, unknown>, done: string) {
    setBusy(true);
    setGeneral(null);
    setSaved(null);
    try {
      const next = await sendJson<UserView>("PATCH", `/api/users/${current.id}`, { ...changes, version: current.version });
      setCurrent(next);
      setErrors({});
      setSaved(done);
      onSaved(next);
    } catch (err) {
      if (err instanceof ApiError && err.code === "conflict") {
        const fresh = await onConflict().catch(() => null);
        if (fresh) showAccount(fresh);
        setGeneral(a.userConflict);
        onSaved(fresh ?? current);
      } else {
        const { fields, general: rest } = fieldErrors(err, EDIT_FIELDS);
        setErrors(fields);
        setGeneral(rest);
      }
    } finally {
      setBusy(false);
    }
  }

  function save(e: FormEvent) {
    e.preventDefault();
    if (role === "reporter" && agencyIds.length === 0) { setErrors({ agencyIds: a.userAgenciesRequired }); return; }
    const changes: Record<string, unknown> = {};
    if (displayName.trim() !== current.displayName) changes.displayName = displayName.trim();
    if ((email.trim() || null) !== current.email) changes.email = email.trim() || null;
    if (role !== current.role) changes.role = role;
    if (!sameSet(agencyIds, current.agencyIds)) changes.agencyIds = agencyIds;
    if (Object.keys(changes).length === 0) { onClose(); return; }
    void patch(changes, a.userSaved);
  }

  return (
    <form className="editor admin-form" onSubmit={save} noValidate aria-label={a.userEditTitle(user.username)}>
      <h3>{a.userEditTitle(user.username)}</h3>
      <Field label={a.userDisplayName} error={errors.displayName}>
        {(p) => <input {...p} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />}
      </Field>
      <Field label={a.userEmail} error={errors.email}>
        {(p) => <input {...p} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <Field label={a.userRole} error={errors.role}>
        {(p) => <RoleSelect {...p} a={a} value={role} onChange={setRole} disabled={self} />}
      </Field>
      {showAgencies && (
        <AgencyPicker agencies={agencies} selected={agencyIds} multiple onChange={setAgencyIds} legend={a.userAgencies} hint={a.userAgenciesHint} error={errors.agencyIds} />
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>{busy ? a.adminSaving : a.userSave}</button>
        {isLocked(current) && <button type="button" disabled={busy} onClick={() => void patch({ unlock: true }, a.userUnlocked)}>{a.userUnlock}</button>}
        {!self && (
          <button type="button" disabled={busy} title={a.userDisableHint} onClick={() => void patch({ disabled: !current.disabled }, a.userSaved)}>
            {current.disabled ? a.userEnable : a.userDisable}
          </button>
        )}
        <button type="button" onClick={onClose}>{a.adminClose}</button>
        {saved && <span className="admin-saved" role="status">{saved}</span>}
      </div>
      {(errors.disabled || errors.unlock) && <p className="field-error" role="alert">{errors.disabled ?? errors.unlock}</p>}
      {general && <p className="error" role="alert">{general}</p>}
    </form>
  );
}

function ResetPasswordForm({ user, a, onDone, onClose }: { user: UserView; a: AdminDictionary; onDone(password: string): void; onClose(): void }) {
  const [password, setPassword] = useState(() => generatePassword());
  const [error, setError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setGeneral(null);
    try {
      await sendJson<UserView>("POST", `/api/users/${user.id}/password`, { password });
      onDone(password);
    } catch (err) {
      const { fields, general: rest } = fieldErrors(err, ["password"]);
      setError(fields.password ?? null);
      setGeneral(rest);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="editor admin-form" onSubmit={submit} noValidate aria-label={a.userResetTitle(user.username)}>
      <h3>{a.userResetTitle(user.username)}</h3>
      <p className="muted">{a.userResetHint}</p>
      <TemporaryPassword a={a} value={password} onChange={setPassword} error={error ?? undefined} general={general} busy={busy} submitLabel={a.userResetSubmit} onCancel={onClose} />
    </form>
  );
}
