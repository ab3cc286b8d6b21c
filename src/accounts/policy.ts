/**
 * Who may do what: one table of grants per role, deny by default. Every route names its action
 * (the route type requires one), the HTTP layer checks it before the handler runs, and the web app
 * receives the user's abilities with the session to hide what the user may not do.
 * Checks on a record (a reporter and the agencies it reports for) are the predicates below.
 */
import type { Role } from "./schema.js";

export const ACTIONS = [
  "documents.read", "documents.write",
  "imports.read", "imports.write",
  "plans.read", "plans.write",
  "agencies.read", "agencies.write", "agencies.restructure",
  "search",
  "users.manage",
] as const;
export type Action = (typeof ACTIONS)[number];

const READ_PUBLISHED: Action[] = ["documents.read", "plans.read", "agencies.read", "search"];

const GRANTS: Record<Role, readonly Action[]> = {
  admin: ACTIONS,
  // The focal point registers plans (import, review, publish) and maps or creates agencies while doing so.
  focal_point: [...READ_PUBLISHED, "documents.write", "imports.read", "imports.write", "plans.write", "agencies.write"],
  // A leader reads everything, drafts included.
  leader: [...READ_PUBLISHED, "imports.read"],
  reporter: READ_PUBLISHED,
  viewer: READ_PUBLISHED,
};

/** What the policy needs to know of a signed-in user. */
export interface Actor { id: number; role: Role; agencyIds: number[] }

export const can = (actor: Actor | null, action: Action): boolean => actor !== null && GRANTS[actor.role].includes(action);

/** The actions the user may take, for the web app to show only those. */
export const abilitiesOf = (actor: Actor): Action[] => [...GRANTS[actor.role]];

/** A reporter acts for its own agencies only; the focal point and administrators for every agency. */
export const actsFor = (actor: Actor, agencyId: number): boolean =>
  actor.role === "admin" || actor.role === "focal_point" || (actor.role === "reporter" && actor.agencyIds.includes(agencyId));
