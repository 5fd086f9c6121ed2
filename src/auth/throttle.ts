// Sign-in throttling, as pure rules (the database applies them atomically: sign-in-throttle.ts).
//
// Failures are counted in three ways, each in a window of 15 minutes from its first failure:
// - for an account typed from one address: 5 failures pause that pair for 15 minutes. The owner
//   signing in from their own office or phone is not stopped by someone guessing elsewhere;
// - for an address, whatever account it tries: 50 failures pause that address (one script
//   trying many accounts; a whole office behind one address rarely fails 50 times in 15 minutes);
// - for an account from anywhere: 20 failures pause it for every address that has not signed in
//   to it successfully in the last 30 days (many addresses guessing one password).
// Accounts are counted by the email typed, whether or not an account has it, so the answer for
// an unknown email is the same as for a known one: same words, same status, same work.

export type ThrottleScope = 'pair' | 'address' | 'account'

export const THROTTLE_RULES: Record<ThrottleScope, { failures: number }> = {
  pair: { failures: 5 },
  address: { failures: 50 },
  account: { failures: 20 },
}
export const WINDOW_MINUTES = 15
export const PAUSE_MINUTES = 15
/** An address that signed in to an account this recently is not paused with the account. */
export const KNOWN_ADDRESS_DAYS = 30

export interface ThrottleRow {
  scope: ThrottleScope
  failures: number
  windowStartedAt: Date
  blockedUntil: Date | null
  lastSuccessAt: Date | null
}

/** The email as the counts key it: case and surrounding spaces do not make a new account. */
export function accountKey(email: string): string {
  return email.trim().toLowerCase()
}

/** The pair's key: the account and the address it is typed from. */
export function pairKey(email: string, address: string | null): string {
  return `${accountKey(email)} ${address ?? '-'}`
}

/**
 * Until when sign-in is paused for this account from this address, or null. The pair row says
 * whether this address signed in to the account recently (then an account-wide pause spares it).
 */
export function pausedUntil(rows: readonly ThrottleRow[], now: Date): Date | null {
  const pair = rows.find((r) => r.scope === 'pair')
  const knownAddress =
    pair?.lastSuccessAt != null &&
    now.getTime() - pair.lastSuccessAt.getTime() < KNOWN_ADDRESS_DAYS * 86_400_000
  let until: Date | null = null
  for (const row of rows) {
    if (!row.blockedUntil || row.blockedUntil.getTime() <= now.getTime()) continue
    if (row.scope === 'account' && knownAddress) continue
    if (!until || row.blockedUntil > until) until = row.blockedUntil
  }
  return until
}

/** A row after one more failure: a new window when the last one has passed, paused at its limit. */
export function afterFailure(row: ThrottleRow | undefined, scope: ThrottleScope, now: Date): ThrottleRow {
  const windowOver = !row || now.getTime() - row.windowStartedAt.getTime() >= WINDOW_MINUTES * 60_000
  const failures = windowOver ? 1 : row.failures + 1
  const reached = failures >= THROTTLE_RULES[scope].failures
  return {
    scope,
    failures: reached ? 0 : failures,
    windowStartedAt: windowOver || reached ? now : row.windowStartedAt,
    blockedUntil: reached ? new Date(now.getTime() + PAUSE_MINUTES * 60_000) : (row?.blockedUntil ?? null),
    lastSuccessAt: row?.lastSuccessAt ?? null,
  }
}
