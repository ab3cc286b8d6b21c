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
  "audit.read",
  // Rounds and the board (every agency's state); managing them; reviewing submissions; writing one's agency's report.
  "reporting.read", "reporting.manage", "reporting.review", "reporting.submit",
] as const;
export type Action = (typeof ACTIONS)[number];

const READ_PUBLISHED: Action[] = ["documents.read", "plans.read", "agencies.read", "search"];

const GRANTS: Record<Role, readonly Action[]> = {
  admin: ACTIONS,
  // The focal point registers plans (import, review, publish) and maps or creates agencies while doing so.
  // It also runs the rounds: opens them, urges, reviews, and may enter a report for an agency that sent it on paper.
  focal_point: [...READ_PUBLISHED, "documents.write", "imports.read", "imports.write", "plans.write", "agencies.write",
    "reporting.read", "reporting.manage", "reporting.review", "reporting.submit"],
  // A leader reads everything, drafts included.
  leader: [...READ_PUBLISHED, "imports.read", "reporting.read"],
  // A reporter writes its own agencies' reports only (actsFor, checked on the record).
  reporter: [...READ_PUBLISHED, "reporting.submit"],
  viewer: READ_PUBLISHED,
};

/** What the policy needs to know of a signed-in user. */
export interface Actor { id: number; role: Role; agencyIds: number[] }

export const can = (actor: Actor | null, action: Action): boolean => actor !== null && GRANTS[actor.role].includes(action);

/** The actions the user may take, for the web app to show only those. */
export const abilitiesOf = (actor: Actor): Action[] => [...GRANTS[actor.role]];

/** A reporter acts for its own agencies only; the focal point and administrators for every agency. Leaders and viewers write no report. */
export const actsFor = (actor: Actor, agencyId: number): boolean =>
  actor.role === "admin" || actor.role === "focal_point" || (actor.role === "reporter" && actor.agencyIds.includes(agencyId));

/** Reads an agency's report: those who act for it, and those who read every agency's (leaders, the focal point). */
export const readsReportOf = (actor: Actor, agencyId: number): boolean => actsFor(actor, agencyId) || can(actor, "reporting.read");

/** Sees documents still in draft (and their tasks and indicators): those who register plans, and leaders. Others see published ones only. */
export const readsDrafts = (actor: Actor): boolean => can(actor, "imports.read");
