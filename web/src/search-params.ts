/**
 * The page address's query with `patch` applied (null, undefined or "" removes a key). It is read
 * from the address bar at the moment of the change, not from the render's copy: two changes in a
 * row (the year, then the scope) both stay, where the render's copy would undo the first.
 */
export function patchedQuery(patch: Record<string, string | null | undefined>): URLSearchParams {
  const next = new URLSearchParams(window.location.search);
  for (const [k, v] of Object.entries(patch)) if (v) next.set(k, v); else next.delete(k);
  return next;
}
