/**
 * How a request waits on work shared with other requests that it does not do itself (a dashboard's build, which runs
 * under the dashboard's own gate whoever asked first; an evaluation or a report another request computes): as it is,
 * or with its admission slot lent meanwhile to the next request in the queue (RequestContext.aside,
 * http/overload.ts Slot.lend). A slot held only to wait turned requests away: twenty readers of one round's board held
 * sixteen slots while one computed it.
 */
export type Aside = <T>(shared: Promise<T>) => Promise<T>;

export const waitAsIs: Aside = (shared) => shared;
