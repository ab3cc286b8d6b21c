/**
 * Passwords: hashed with Argon2id (@node-rs/argon2 defaults: 19 MiB, 2 passes, 1 lane — the OWASP
 * minimum), never stored or logged in clear. Generated passwords are random, for first start and resets.
 */
import { hash, verify } from "@node-rs/argon2";
import { randomBytes, randomInt } from "node:crypto";
import { invalid } from "../core/errors.js";

export const MIN_PASSWORD_LENGTH = 10;

export const hashPassword = (password: string) => hash(password.normalize("NFC"));

/** Argon2id verifications this process has made: the cost of a sign-in, which must not depend on whether the name exists (tests count it). */
export let verifications = 0;

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  verifications++;
  try {
    return await verify(passwordHash, password.normalize("NFC"));
  } catch {
    return false; // a malformed hash verifies nothing
  }
}

/**
 * A hash no password matches, with the same parameters as real ones: verified against when the user
 * does not exist, so that both answers take as long. Made once per process (the app starts it early).
 */
let dummy: Promise<string> | null = null;
export const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString("hex")));

export function checkPasswordStrength(field: string, password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) throw invalid(field, "password_weak");
}

/** 16 characters from an alphabet without look-alikes (no 0/O, 1/l/I): about 90 bits. */
export function generatePassword(): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]).join("");
}
