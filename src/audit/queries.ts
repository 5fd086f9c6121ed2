import { sql } from 'kysely'
import { z } from 'zod'
import { caseNumberText } from '../cases/case-number.js'
import type { Database } from '../db/database.js'
import { FOCAL_SERVICE_LABELS } from '../focal-points/services.js'
import { formatDate } from '../format.js'
import { offsetOf } from '../http/pagination.js'
import { formatOfferCode } from '../job-offers/code.js'
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
    .select(['actor_label', 'action', 'entity', 'entity_id', 'after', 'at'])
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** The record an audit entry is about, as a person knows it, and its page if it has one. */
export interface AuditSubject {
  label: string
  href: string | null
}

// Ids are checked as the routes check them: only a uuid may reach a uuid column.
const isUuid = (id: string) => z.uuid().safeParse(id).success

/**
 * The names of the records a page of audit entries is about, keyed `entity:id`: one query per
 * kind of record on the page, at most fifty ids each.
 */
export async function auditSubjects(
  db: Database,
  entries: readonly { entity: string; entity_id: string | null }[],
): Promise<Map<string, AuditSubject>> {
  const ids = (entity: string) => [
    ...new Set(
      entries
        .filter((e) => e.entity === entity && e.entity_id && isUuid(e.entity_id))
        .map((e) => e.entity_id as string),
    ),
  ]
  const found = new Map<string, AuditSubject>()
  const put = (entity: string, id: string, label: string, href: string | null) =>
    found.set(`${entity}:${id}`, { label, href })
  const when = async <T>(list: string[], read: (list: string[]) => Promise<T[]>, keep: (row: T) => void) => {
    if (list.length > 0) for (const row of await read(list)) keep(row)
  }
  await Promise.all([
    when(
      ids('licence'),
      (list) =>
        db
          .selectFrom('licences')
          .select(['id', 'licence_number', 'agency_id'])
          .where('id', 'in', list)
          .execute(),
      (l) => put('licence', l.id, l.licence_number, `/agencies/${l.agency_id}`),
    ),
    when(
      ids('licence_condition'),
      (list) =>
        db
          .selectFrom('licence_conditions')
          .innerJoin('licences', 'licences.id', 'licence_conditions.licence_id')
          .select(['licence_conditions.id', 'licences.licence_number', 'licences.agency_id'])
          .where('licence_conditions.id', 'in', list)
          .execute(),
      (l) => put('licence_condition', l.id, l.licence_number, `/agencies/${l.agency_id}`),
    ),
    when(
      ids('licence_application'),
      (list) =>
        db
          .selectFrom('licence_applications')
          .innerJoin('agencies', 'agencies.id', 'licence_applications.agency_id')
          .select(['licence_applications.id', 'agencies.legal_name'])
          .where('licence_applications.id', 'in', list)
          .execute(),
      (a) => put('licence_application', a.id, a.legal_name, `/applications/${a.id}`),
    ),
    when(
      ids('agency'),
      (list) => db.selectFrom('agencies').select(['id', 'legal_name']).where('id', 'in', list).execute(),
      (a) => put('agency', a.id, a.legal_name, `/agencies/${a.id}`),
    ),
    when(
      ids('worksite'),
      (list) => db.selectFrom('worksites').select(['id', 'name']).where('id', 'in', list).execute(),
      (w) => put('worksite', w.id, w.name, `/worksites/${w.id}`),
    ),
    when(
      ids('inspection'),
      (list) =>
        db
          .selectFrom('inspections')
          .innerJoin('worksites', 'worksites.id', 'inspections.worksite_id')
          .select(['inspections.id', 'worksites.name', 'inspections.visited_at'])
          .where('inspections.id', 'in', list)
          .execute(),
      (i) => put('inspection', i.id, `${i.name}, ${formatDate(i.visited_at)}`, `/inspections/${i.id}`),
    ),
    when(
      ids('complaint'),
      (list) => db.selectFrom('complaints').select(['id', 'reference']).where('id', 'in', list).execute(),
      (c) => put('complaint', c.id, c.reference, `/complaints/${c.id}`),
    ),
    when(
      ids('unlicensed_recruiter'),
      (list) =>
        db.selectFrom('unlicensed_recruiters').select(['id', 'name']).where('id', 'in', list).execute(),
      (r) => put('unlicensed_recruiter', r.id, r.name, '/unlicensed-recruiters'),
    ),
    when(
      ids('job_offer'),
      (list) =>
        db
          .selectFrom('job_offers')
          .select(['id', 'position', 'employer_name', 'code'])
          .where('id', 'in', list)
          .execute(),
      (o) =>
        put(
          'job_offer',
          o.id,
          `${o.position}, ${o.employer_name}${o.code ? ` (${formatOfferCode(o.code)})` : ''}`,
          `/job-offers/${o.id}`,
        ),
    ),
    when(
      ids('focal_point'),
      (list) =>
        db.selectFrom('focal_points').select(['id', 'district', 'service']).where('id', 'in', list).execute(),
      (p) => put('focal_point', p.id, `${FOCAL_SERVICE_LABELS[p.service]}, ${p.district}`, '/focal-points'),
    ),
    when(
      ids('criminal_case'),
      (list) =>
        db
          .selectFrom('criminal_cases')
          .select(['id', 'station', 'case_number', 'case_year'])
          .where('id', 'in', list)
          .execute(),
      (k) => put('criminal_case', k.id, caseNumberText(k), `/cases/${k.id}`),
    ),
    when(
      ids('licence_appeal'),
      (list) =>
        db
          .selectFrom('licence_appeals')
          .innerJoin('agencies', 'agencies.id', 'licence_appeals.agency_id')
          .select(['licence_appeals.id', 'agencies.legal_name'])
          .where('licence_appeals.id', 'in', list)
          .execute(),
      (a) => put('licence_appeal', a.id, a.legal_name, `/appeals/${a.id}`),
    ),
    when(
      ids('licence_notice'),
      (list) =>
        db
          .selectFrom('licence_notices')
          .innerJoin('licences', 'licences.id', 'licence_notices.licence_id')
          .select(['licence_notices.id', 'licences.licence_number'])
          .where('licence_notices.id', 'in', list)
          .execute(),
      (n) => put('licence_notice', n.id, n.licence_number, `/notices/${n.id}`),
    ),
    when(
      ids('user'),
      (list) => db.selectFrom('users').select(['id', 'name']).where('id', 'in', list).execute(),
      (u) => put('user', u.id, u.name, `/admin/users/${u.id}`),
    ),
  ])
  return found
}

export const subjectKey = (e: { entity: string; entity_id: string | null }) => `${e.entity}:${e.entity_id}`
