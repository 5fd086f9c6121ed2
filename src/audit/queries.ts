import { sql } from 'kysely'
import type { Database } from '../db/database.js'
import { offsetOf } from '../http/pagination.js'
import { addDays, startOfDayInLesotho } from '../time.js'

export interface AuditFilters {
  actor?: string | undefined
  entity?: string | undefined
  entity_id?: string | undefined
  from?: string | undefined
  to?: string | undefined
  page: number
}

export const AUDIT_PER_PAGE = 50

export async function listAuditEntries(db: Database, filters: AuditFilters) {
  let query = db.selectFrom('audit_log')
  if (filters.actor) query = query.where('actor_id', '=', filters.actor)
  if (filters.entity) query = query.where('entity', '=', filters.entity)
  if (filters.entity_id) query = query.where('entity_id', '=', filters.entity_id)
  // Dates are whole days in Lesotho's time zone, both ends included.
  if (filters.from) query = query.where('at', '>=', startOfDayInLesotho(filters.from))
  if (filters.to) query = query.where('at', '<', startOfDayInLesotho(addDays(filters.to, 1)))
  const [rows, total] = await Promise.all([
    query
      .selectAll()
      .orderBy('id', 'desc')
      .limit(AUDIT_PER_PAGE)
      .offset(offsetOf(filters.page, AUDIT_PER_PAGE))
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: total.n }
}

/** Choices for the filter form. */
export async function auditFilterChoices(db: Database) {
  const [actors, entities] = await Promise.all([
    db.selectFrom('users').select(['id', 'name', 'email']).orderBy(sql`lower(name)`).execute(),
    db.selectFrom('audit_log').select('entity').distinct().orderBy('entity').execute(),
  ])
  return { actors, entities: entities.map((e) => e.entity) }
}

/** The latest audit entry about a record: who changed it last, for 409 explanations. */
export function lastChangeOf(db: Database, entity: string, entityId: string) {
  return db
    .selectFrom('audit_log')
    .select(['actor_label', 'action', 'at'])
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
}
