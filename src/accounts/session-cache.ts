/**
 * Resolved sessions, kept a few seconds per process: a page that makes ten requests reads the
 * session, user and agencies once instead of ten times. The HTTP layer clears it after every write
 * to accounts (sign-out, a password change, a user disabled here take effect at once); a change made
 * by another instance, or by the command line, takes effect here within the time to live.
 */
export class SessionCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();
  /** Bumped by each clear: a load that began before a clear is not kept after it. */
  private generation = 0;
  constructor(private readonly ttlMs: number, private readonly maxEntries = 10_000) {}

  async get(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    const generation = this.generation;
    const value = await load();
    if (generation !== this.generation) return value;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, until: now + this.ttlMs });
    return value;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
