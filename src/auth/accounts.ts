import { sql } from 'kysely'
import { type Actor, writeAudit } from '../audit/audit.js'
import type { Database } from '../db/database.js'
import type { User } from '../db/types.js'
import type { SessionUser } from '../http/env.js'
import type { District, Role } from '../vocabulary.js'
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password.js'
import { recordSignInFailure, recordSignInSuccess, signInPausedUntil } from './sign-in-throttle.js'
import { accountKey } from './throttle.js'
import { hashToken, newToken } from './tokens.js'

type SessionRow = Pick<
  User,
  'id' | 'name' | 'email' | 'role' | 'home_district' | 'must_change_password' | 'active'
> & { last_seen_at: Date; expires_at: Date }

export function toSessionUser(
  user: Pick<User, 'id' | 'name' | 'email' | 'role' | 'home_district' | 'must_change_password'>,
): SessionUser {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    homeDistrict: user.home_district,
    mustChangePassword: user.must_change_password,
  }
}

/** The fields of a user that may be shown and audited (never the password hash). */
export function publicUserFields(user: User) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    home_district: user.home_district,
    active: user.active,
    must_change_password: user.must_change_password,
    version: user.version,
  }
}

/** A user as the audit log records them acting. */
export function actorFor(
  user: Pick<User, 'id' | 'name' | 'email'>,
  client: Pick<Actor, 'clientAddress'>,
): Actor {
  return { id: user.id, label: `${user.name} <${user.email}>`, clientAddress: client.clientAddress }
}

export function findUserByEmail(db: Database, email: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst()
}

export function findUserById(db: Database, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function countUsers(db: Database): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()
  return row.n
}

export type LoginResult =
  | { outcome: 'ok'; user: User }
  | { outcome: 'invalid' }
  | { outcome: 'paused'; until: Date }
  | { outcome: 'inactive' }

/**
 * Checks a password under the sign-in throttle (src/auth/throttle.ts). Every attempt costs one
 * password hash, whatever happens: against the account's hash, or a dummy of the same cost for
 * an email no account has, or while sign-in is paused (the answer is then the pause, even for
 * the right password). So neither the words, the status nor the time of the answer tells which
 * emails have accounts. New pauses are audited (`client` says where from). It opens no session:
 * attemptLogin does, and a one-off check (a confirmation on another person's device) does not.
 */
export async function checkPassword(
  db: Database,
  email: string,
  password: string,
  client: Pick<Actor, 'clientAddress'>,
  options: { now?: Date; verify?: typeof verifyPassword } = {},
): Promise<LoginResult> {
  const now = options.now ?? new Date()
  const verify = options.verify ?? verifyPassword
  const address = client.clientAddress
  const [user, paused] = await Promise.all([
    findUserByEmail(db, email),
    signInPausedUntil(db, email, address, now),
  ])
  const passwordMatches = await verify(password, user?.password_hash ?? DUMMY_PASSWORD_HASH)
  if (paused) return { outcome: 'paused', until: paused }
  if (!user || !passwordMatches) {
    const pausedNow = await recordSignInFailure(db, email, address, now)
    if (!pausedNow) return { outcome: 'invalid' }
    await writeAudit(
      db,
      { id: null, label: 'anonymous', clientAddress: address },
      {
        action: 'sign_in.paused',
        entity: 'user',
        entityId: user?.id ?? null,
        after: { email: accountKey(email), paused_until: pausedNow },
      },
    )
    return { outcome: 'paused', until: pausedNow }
  }
  if (!user.active) return { outcome: 'inactive' }
  return { outcome: 'ok', user }
}

/** Signs in: the password checked as checkPassword does, then the sign-in recorded and audited. */
export async function attemptLogin(
  db: Database,
  email: string,
  password: string,
  client: Pick<Actor, 'clientAddress'>,
  options: { now?: Date; verify?: typeof verifyPassword } = {},
): Promise<LoginResult> {
  const now = options.now ?? new Date()
  const checked = await checkPassword(db, email, password, client, { ...options, now })
  if (checked.outcome !== 'ok') return checked
  const { user } = checked
  const address = client.clientAddress
  const signedIn = await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('users')
      .set({ last_login_at: now })
      .where('id', '=', user.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordSignInSuccess(trx, email, address, now)
    await writeAudit(trx, actorFor(row, client), {
      action: 'user.signed_in',
      entity: 'user',
      entityId: row.id,
    })
    return row
  })
  return { outcome: 'ok', user: signedIn }
}

export interface SessionTimes {
  idleMinutes: number
  absoluteHours: number
}

export async function createSession(db: Database, userId: string, times: SessionTimes, now = new Date()) {
  const token = newToken()
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + times.absoluteHours * 3_600_000),
    })
    .execute()
  return token
}

// Writing last_seen_at on every request would make each page view a write; once a minute
// is precise enough for an idle limit counted in minutes.
const TOUCH_INTERVAL_MS = 60_000

/** The user behind a session cookie, or null when the session is unknown, idle too long or expired. */
export async function resolveSession(
  db: Database,
  token: string,
  times: SessionTimes,
  now = new Date(),
): Promise<SessionUser | null> {
  const tokenHash = hashToken(token)
  const idleMs = times.idleMinutes * 60_000
  // Every signed-in request reads its session: a sign-out, deactivation or role change on any
  // instance holds from the very next request. Written as plain SQL: it skips building a query tree.
  const {
    rows: [row],
  } = await sql<SessionRow>`
    select users.id, users.name, users.email, users.role, users.home_district,
      users.must_change_password, users.active, sessions.last_seen_at, sessions.expires_at
    from sessions join users on users.id = sessions.user_id
    where sessions.token_hash = ${tokenHash}`.execute(db)
  if (!row) return null
  const idleLimit = row.last_seen_at.getTime() + idleMs
  if (!row.active || row.expires_at.getTime() <= now.getTime() || idleLimit <= now.getTime()) {
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute()
    return null
  }
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_INTERVAL_MS)
    await db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute()
  return toSessionUser(row)
}

export async function deleteSession(db: Database, token: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute()
}

/** Signs a user out everywhere (deactivation, password reset). */
export async function deleteSessionsOfUser(db: Database, userId: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute()
}

export interface NewAccount {
  email: string
  name: string
  role: Role
  homeDistrict: District
  passwordHash: string
  mustChangePassword: boolean
}

export function insertUser(db: Database, account: NewAccount) {
  return db
    .insertInto('users')
    .values({
      email: account.email.trim(),
      name: account.name.trim(),
      role: account.role,
      home_district: account.homeDistrict,
      password_hash: account.passwordHash,
      must_change_password: account.mustChangePassword,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}
