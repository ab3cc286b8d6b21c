/** Typed calls to the theodoi API: the shapes come from the server's own types, never re-declared. */
import { useCallback, useEffect, useState } from "react";
import type { AgencyDetail, Agency } from "../../src/agencies/queries";
import type { DocumentDetail, DocumentGraph, DocumentSummary } from "../../src/documents/queries";
import type { SearchHit } from "../../src/search/search";
import type { agencySuccessions } from "../../src/agencies/schema";
import type { Page } from "../../src/storage/records";

export type Succession = typeof agencySuccessions.$inferSelect;
export type { Agency, AgencyDetail, DocumentDetail, DocumentGraph, DocumentSummary, Page, SearchHit };

export class ApiError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: "application/json" } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body?.error?.message ?? res.statusText);
  return body as T;
}

export interface Loaded<T> { data: T | null; error: string | null; loading: boolean; reload(): void }

/** Loads a path and reloads when it changes; a newer request always wins over an older one. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!path) return;
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    getJson<T>(path).then(
      (data) => current && setState({ data, error: null, loading: false }),
      (e: Error) => current && setState({ data: null, error: e.message, loading: false }),
    );
    return () => { current = false; };
  }, [path, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}
