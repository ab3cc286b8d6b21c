/**
 * Resolved sessions, kept a moment per process for reads: a page that makes ten requests reads the
 * session, user and agencies once instead of ten times. Writes do not use it (they check the session
 * in the database). The HTTP layer clears it after every write to accounts (sign-out, a password
 * change, a user disabled here take effect at once), and forgets a session a write found ended; a
 * change made by another instance, or by the command line, reaches reads here within the time to live.
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

  /** Drops one session, found ended (by a write's check): this process's reads stop using it at once. */
  forget(key: string): void {
    // Only a session this process holds: a write with a made-up cookie must not throw away others' loads in flight.
    if (this.entries.delete(key)) this.generation++;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
