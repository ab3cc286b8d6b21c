/**
 * Sessions (sign in, who am I, sign out, own password) and user administration. The session
 * cookie is HttpOnly and SameSite=Strict, Secure when the request came over TLS; the CSRF token
 * travels in the answer's body, for the web app to send back in a header.
 */
import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { AppError } from "../core/errors.js";
import { idParams } from "../core/fields.js";
import { route } from "../http/route.js";
import { passwordChange, passwordReset, signInInput, userInput, userPatch } from "./inputs.js";
import { abilitiesOf } from "./policy.js";
import { SESSION_COOKIE, SESSION_IDLE_HOURS, signIn, signOut, type SessionUser } from "./sessions.js";
import { changePassword, createUser, listUsers, resetPassword, updateUser } from "./users.js";

const tag = "accounts";

/** TLS either here or at a proxy that says so. */
const overTls = (c: Context) => new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";

const present = (user: SessionUser, csrfToken: string) => ({ user, csrfToken, abilities: abilitiesOf(user) });

export const accountRoutes = [
  route({ method: "post", path: "/api/session", tag, summary: "Sign in: sets the session cookie; answers the user, abilities and CSRF token", access: "public", body: signInInput,
    // A failed attempt's count must stay written although the answer is an error.
    transaction: false,
    handler: async ({ ctx, body, c }) => {
      const session = await ctx.limitSignIn(() => signIn(ctx.db, body));
      setCookie(c, SESSION_COOKIE, session.token, { httpOnly: true, sameSite: "Strict", secure: overTls(c), path: "/", maxAge: SESSION_IDLE_HOURS * 3600 });
      return present(session.user, session.csrfToken);
    } }),
  route({ method: "get", path: "/api/session", tag, summary: "The signed-in user, abilities and CSRF token", access: "signed_in",
    handler: async ({ ctx }) => present(ctx.user!, ctx.csrfToken!) }),
  route({ method: "delete", path: "/api/session", tag, summary: "Sign out", access: "signed_in", status: 204,
    handler: async ({ ctx, c }) => { await signOut(ctx.db, ctx.sessionToken!); deleteCookie(c, SESSION_COOKIE, { path: "/" }); } }),
  route({ method: "put", path: "/api/session/password", tag, summary: "Change one's own password (other sessions end)", access: "signed_in", body: passwordChange,
    handler: async ({ ctx, body }) => present(await changePassword(ctx.db, ctx.user!, ctx.sessionToken!, body), ctx.csrfToken!) }),
  route({ method: "get", path: "/api/users", tag, summary: "Every user with role and agencies", access: "users.manage",
    handler: async ({ ctx }) => ({ items: await listUsers(ctx.db) }) }),
  route({ method: "post", path: "/api/users", tag, summary: "Create a user", access: "users.manage", body: userInput, status: 201,
    handler: ({ ctx, body }) => createUser(ctx.db, body) }),
  route({ method: "patch", path: "/api/users/:id", tag, summary: "Update a user's name, role, agencies, disabled flag, or lift a lock (send the version you read)", access: "users.manage", params: idParams, body: userPatch,
    handler: ({ ctx, params, body }) => {
      if (params.id === ctx.user!.id && (body.disabled || (body.role && body.role !== "admin"))) throw new AppError("validation", [{ field: "role", key: "own_admin_rights" }]);
      return updateUser(ctx.db, params.id, body);
    } }),
  route({ method: "post", path: "/api/users/:id/password", tag, summary: "Set a temporary password (the user must change it; their sessions end)", access: "users.manage", params: idParams, body: passwordReset,
    handler: ({ ctx, params, body }) => resetPassword(ctx.db, params.id, body.password) }),
];
