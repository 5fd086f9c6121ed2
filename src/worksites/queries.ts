import { sql } from 'kysely'
import type { Database } from '../db/database.js'
import { offsetOf } from '../http/pagination.js'
import type { WorksiteFilters, WorksiteInput } from './schemas.js'

export const WORKSITES_PER_PAGE = 25

// The same expression as the trigram index of migration 0009, so the index answers it.
const searchText = sql<string>`lower(worksites.name || ' ' || coalesce(worksites.operator, '') || ' ' || worksites.village)`

/** One page of the register, with the total that match. */
export async function listWorksites(db: Database, filters: WorksiteFilters) {
  // A merged worksite's page points to the one kept; it is no longer listed.
  let base = db.selectFrom('worksites').where('merged_into_id', 'is', null)
  const q = filters.q?.toLowerCase()
  if (q) {
    // Every word typed must appear somewhere in the name, operator or village.
    for (const word of q.split(/\s+/).filter(Boolean)) {
      base = base.where(searchText, 'like', `%${word.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`)
    }
  }
  if (filters.district) base = base.where('district', '=', filters.district)
  if (filters.kind) base = base.where('kind', '=', filters.kind)
  if (filters.sector) base = base.where('sector', '=', filters.sector)
  const { total } = await base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow()
  let rows = base.select([
    'id',
    'name',
    'kind',
    'sector',
    'operator',
    'district',
    'village',
    'latitude',
    'longitude',
    'approx_workers',
    'created_at',
  ])
  switch (filters.sort ?? 'name') {
    case 'district':
      rows = rows.orderBy('district').orderBy(sql`lower(name)`)
      break
    case 'workers':
      rows = rows.orderBy('approx_workers', (ob) => ob.desc().nullsLast()).orderBy(sql`lower(name)`)
      break
    case 'newest':
      rows = rows.orderBy('created_at', 'desc')
      break
    default:
      rows = rows.orderBy(sql`lower(name)`)
  }
  const page = await rows
    .orderBy('id')
    .limit(WORKSITES_PER_PAGE)
    .offset(offsetOf(filters.page, WORKSITES_PER_PAGE))
    .execute()
  return { rows: page, total }
}
export type WorksiteRow = Awaited<ReturnType<typeof listWorksites>>['rows'][number]

export function findWorksite(db: Database, id: string) {
  return db.selectFrom('worksites').selectAll().where('id', '=', id).executeTakeFirst()
}
export type Worksite = NonNullable<Awaited<ReturnType<typeof findWorksite>>>

const columnsOf = (input: WorksiteInput) => ({
  name: input.name,
  kind: input.kind,
  sector: input.sector,
  operator: input.operator ?? null,
  district: input.district,
  village: input.village,
  latitude: input.latitude ?? null,
  longitude: input.longitude ?? null,
  approx_workers: input.approx_workers ?? null,
})

export function insertWorksite(db: Database, input: WorksiteInput) {
  return db.insertInto('worksites').values(columnsOf(input)).returningAll().executeTakeFirstOrThrow()
}

/** Saves the edit only if nobody saved another since `version` was read; null otherwise. */
export function updateWorksiteAtVersion(db: Database, id: string, version: number, input: WorksiteInput) {
  return db
    .updateTable('worksites')
    .set({ ...columnsOf(input), version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst()
}
