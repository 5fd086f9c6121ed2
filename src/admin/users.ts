import { sql } from 'kysely'
import type { Database } from '../db/database.js'
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
      .select(['id', 'name', 'email', 'role', 'home_district', 'active', 'last_login_at', 'locked_until'])
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

/** The latest audit entry about a user: who changed it last, for the 409 explanation. */
export function lastChangeOfUser(db: Database, userId: string) {
  return db
    .selectFrom('audit_log')
    .select(['actor_label', 'action', 'at'])
    .where('entity', '=', 'user')
    .where('entity_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
}
