// Lockout rules, pure so they can be tested exhaustively. The database applies the same
// rule atomically in recordFailedLogin (accounts.ts).

export const MAX_FAILED_LOGINS = 5
export const LOCKOUT_MINUTES = 15

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime()
}

/** After a failed attempt: the new failure count and whether the account is now locked. */
export function afterFailedLogin(failedLogins: number): { failedLogins: number; locks: boolean } {
  const next = failedLogins + 1
  return next >= MAX_FAILED_LOGINS ? { failedLogins: 0, locks: true } : { failedLogins: next, locks: false }
}
