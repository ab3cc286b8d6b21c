/**
 * A value as the bytes of its JSON, for what is kept and sent to many readers (a dashboard, an evaluation, a round's
 * board): written out and encoded once. Twenty readers waiting on one computation resume in one turn of the event
 * loop; encoding a large string again for each held it for tens of ms (issue 18).
 */
export const jsonBytes = (value: unknown): Uint8Array<ArrayBuffer> => new TextEncoder().encode(JSON.stringify(value));
