/** Which lead agencies of a draft no registry agency stands for yet. Dependency-free: the web app uses it too. */
export interface LeadsOfDraft { tasks: Array<{ lead: string[] }>; agencies: Array<{ name: string; collective: boolean; agencyIds: number[] }> }

/**
 * Names of specific agencies a task's lead gives that no registry agency stands for yet:
 * publishing waits for them. A collective phrase whose members the registry cannot tell
 * ("các chủ đầu tư") does not block; its task is published without it.
 */
export function unmappedLeads(draft: LeadsOfDraft): string[] {
  const blocking = new Set(draft.agencies.filter((a) => !a.collective && a.agencyIds.length === 0).map((a) => a.name));
  const known = new Set(draft.agencies.map((a) => a.name));
  return [...new Set(draft.tasks.flatMap((t) => t.lead).filter((n) => blocking.has(n) || !known.has(n)))];
}
