import { sql } from 'kysely'
import type { Database } from '../db/database.js'
import {
  accountKey,
  afterFailure,
  KNOWN_ADDRESS_DAYS,
  pairKey,
  pausedUntil,
  type ThrottleRow,
  type ThrottleScope,
} from './throttle.js'

// The sign-in throttle's rows (migration 0013), read and written with the rules of throttle.ts.

/** The rows that count for this email typed from this address, in lock order. */
function keysOf(email: string, address: string | null): { scope: ThrottleScope; key: string }[] {
  const keys: { scope: ThrottleScope; key: string }[] = [
    { scope: 'account', key: accountKey(email) },
    // Without a known address (a test's request), there is nothing to count per address.
    ...(address ? [{ scope: 'address' as const, key: address }] : []),
    { scope: 'pair', key: pairKey(email, address) },
  ]
  return keys
}

const whereKeys = (keys: { scope: ThrottleScope; key: string }[]) =>
  sql<boolean>`(scope, key) in (${sql.join(keys.map((k) => sql`(${k.scope}, ${k.key})`))})`

const toRule = (row: {
  scope: ThrottleScope
  failures: number
  window_started_at: Date
  blocked_until: Date | null
  last_success_at: Date | null
}): ThrottleRow => ({
  scope: row.scope,
  failures: row.failures,
  windowStartedAt: row.window_started_at,
  blockedUntil: row.blocked_until,
  lastSuccessAt: row.last_success_at,
})

/** Until when sign-in is paused for this email from this address, or null. */
export async function signInPausedUntil(db: Database, email: string, address: string | null, now: Date) {
  const rows = await db
    .selectFrom('sign_in_throttles')
    .selectAll()
    .where(whereKeys(keysOf(email, address)))
    .execute()
  return pausedUntil(rows.map(toRule), now)
}

/**
 * Counts one failure under a row lock, so failures arriving at several instances at once are
 * all counted. Returns until when sign-in is now paused for this email and address, or null.
 */
export function recordSignInFailure(db: Database, email: string, address: string | null, now: Date) {
  const keys = keysOf(email, address)
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sign_in_throttles')
      .values(keys.map((k) => ({ ...k, failures: 0, window_started_at: now })))
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
      .execute()
    const rows = await trx
      .selectFrom('sign_in_throttles')
      .selectAll()
      .where(whereKeys(keys))
      .orderBy('scope')
      .orderBy('key')
      .forUpdate()
      .execute()
    const after: ThrottleRow[] = []
    for (const row of rows) {
      const next = afterFailure(toRule(row), row.scope, now)
      after.push(next)
      await trx
        .updateTable('sign_in_throttles')
        .set({
          failures: next.failures,
          window_started_at: next.windowStartedAt,
          blocked_until: next.blockedUntil,
        })
        .where('scope', '=', row.scope)
        .where('key', '=', row.key)
        .execute()
    }
    // Rows of typing long past would pile up (every new email typed makes some): one failure in
    // a hundred also removes those whose pauses and remembered successes have all ended.
    if (Math.random() < 0.01) {
      await trx
        .deleteFrom('sign_in_throttles')
        .where('window_started_at', '<', new Date(now.getTime() - 86_400_000))
        .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', now)]))
        .where((eb) =>
          eb.or([
            eb('last_success_at', 'is', null),
            eb('last_success_at', '<', new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000)),
          ]),
        )
        .execute()
    }
    return pausedUntil(after, now)
  })
}

/** A sign-in succeeded: the pair's failures are forgotten and the address is known to the account. */
export async function recordSignInSuccess(db: Database, email: string, address: string | null, now: Date) {
  await db
    .insertInto('sign_in_throttles')
    .values({
      scope: 'pair',
      key: pairKey(email, address),
      failures: 0,
      window_started_at: now,
      last_success_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['scope', 'key']).doUpdateSet({ failures: 0, blocked_until: null, last_success_at: now }),
    )
    .execute()
}

/** An administrator let the account in again (reactivated, password reset): every pause on it ends. */
export async function clearSignInPauses(db: Database, email: string) {
  const account = accountKey(email)
  await db
    .updateTable('sign_in_throttles')
    .set({ failures: 0, blocked_until: null })
    .where((eb) =>
      eb.or([
        eb.and([eb('scope', '=', 'account'), eb('key', '=', account)]),
        eb.and([eb('scope', '=', 'pair'), eb(sql<string>`split_part(key, ' ', 1)`, '=', account)]),
      ]),
    )
    .execute()
}

/** Until when an account's sign-in is paused anywhere (for the administrator's view), or null. */
export async function accountPausedUntil(db: Database, email: string, now: Date): Promise<Date | null> {
  const account = accountKey(email)
  const row = await db
    .selectFrom('sign_in_throttles')
    .select((eb) => eb.fn.max('blocked_until').as('until'))
    .where((eb) =>
      eb.or([
        eb.and([eb('scope', '=', 'account'), eb('key', '=', account)]),
        eb.and([eb('scope', '=', 'pair'), eb(sql<string>`split_part(key, ' ', 1)`, '=', account)]),
      ]),
    )
    .where('blocked_until', '>', now)
    .executeTakeFirst()
  return (row?.until as Date | null) ?? null
}
