import { sql } from 'kysely'
import { type Actor, writeAudit } from '../audit/audit.js'
import { deleteSessionsOfUser, publicUserFields } from '../auth/accounts.js'
import { clearSignInPauses } from '../auth/sign-in-throttle.js'
import type { Database } from '../db/database.js'
import type { UserUpdate } from '../db/types.js'
import { offsetOf } from '../http/pagination.js'
import type { Role } from '../vocabulary.js'

export interface UserFilters {
  q?: string | undefined
  role?: Role | undefined
  status?: 'active' | 'inactive' | undefined
  page: number
}

export const USERS_PER_PAGE = 25

export async function listUsers(db: Database, filters: UserFilters) {
  let query = db.selectFrom('users')
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
    query = query.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('email', 'ilike', pattern)]))
  }
  if (filters.role) query = query.where('role', '=', filters.role)
  if (filters.status) query = query.where('active', '=', filters.status === 'active')
  const [rows, total] = await Promise.all([
    query
      .select(['id', 'name', 'email', 'role', 'home_district', 'active', 'last_login_at'])
      .select(
        sql<Date | null>`(
          select max(t.blocked_until) from sign_in_throttles t
          where t.blocked_until > now() and (
            (t.scope = 'account' and t.key = lower(users.email))
            or (t.scope = 'pair' and split_part(t.key, ' ', 1) = lower(users.email))))`.as('paused_until'),
      )
      .orderBy('active', 'desc')
      .orderBy(sql`lower(name)`)
      .orderBy('id')
      .limit(USERS_PER_PAGE)
      .offset(offsetOf(filters.page, USERS_PER_PAGE))
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: total.n }
}

export interface UserChange {
  id: string
  /** The version the administrator saw; the change applies only if it is still current. */
  version: number
  changes: UserUpdate
  action: string
  /** End the user's sessions, so the change takes effect at once. */
  endSessions: boolean
  /** Said alongside the change in the audit log, e.g. the reason. */
  note?: Record<string, string>
  /** End every sign-in pause on the account (the administrator lets its owner in again). */
  clearSignInPauses?: boolean
}

/**
 * Optimistic concurrency for administrators: the change, the sessions ended and the audit
 * entry commit together, or nothing happens and null says someone else changed it first.
 */
export function changeUserAtVersion(db: Database, actor: Actor, change: UserChange) {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('users').selectAll().where('id', '=', change.id).executeTakeFirst()
    const user = await trx
      .updateTable('users')
      .set((eb) => ({ ...change.changes, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', change.id)
      .where('version', '=', change.version)
      .returningAll()
      .executeTakeFirst()
    if (!before || !user) return null
    if (change.endSessions) await deleteSessionsOfUser(trx, change.id)
    if (change.clearSignInPauses) await clearSignInPauses(trx, user.email)
    await writeAudit(trx, actor, {
      action: change.action,
      entity: 'user',
      entityId: change.id,
      before: publicUserFields(before),
      after: { ...publicUserFields(user), ...change.note },
    })
    return user
  })
}
