/**
 * Resolved sessions, kept a few seconds per process: a page that makes ten requests reads the
 * session, user and agencies once instead of ten times. Every write through this process clears it
 * (sign-out, a password change, a user disabled here take effect at once); a change made by another
 * instance takes effect here within the time to live.
 */
export class SessionCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();
  constructor(private readonly ttlMs: number, private readonly maxEntries = 10_000) {}

  async get(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    const value = await load();
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, until: now + this.ttlMs });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
