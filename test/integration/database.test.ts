import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest } from '../../src/db/migrate.js'
import { dashboardFigures } from '../../src/reports/figures.js'
import { defaultPeriod } from '../../src/reports/schemas.js'
import { createTestRegistry } from '../support/registry.js'

let registry: Awaited<ReturnType<typeof createTestRegistry>>
beforeAll(async () => {
  registry = await createTestRegistry()
})
afterAll(() => registry.close())

describe(`database (${process.env.TEST_DATABASE_URL ? 'PostgreSQL server' : 'PGlite'})`, () => {
  it('hands counts and int8 as numbers, numeric as strings and dates as YYYY-MM-DD, whichever driver', async () => {
    const { rows } = await sql<{
      n: number
      big: number
      amount: string
      day: string
      at: Date
    }>`select count(*) as n, 150000::int8 as big, 1500.50::numeric as amount, '2026-03-03'::date as day, now() as at`.execute(
      registry.db,
    )
    expect(rows[0]).toMatchObject({ n: 1, big: 150000, amount: '1500.50', day: '2026-03-03' })
    expect(rows[0]!.at).toBeInstanceOf(Date)
  })

  it('has pg_trgm for typo-tolerant search', async () => {
    const { rows } = await sql<{
      s: number
    }>`select similarity('Maluti Recruitment', 'Malti Recrutment') as s`.execute(registry.db)
    expect(rows[0]!.s).toBeGreaterThan(0.4)
  })

  it('migrates idempotently: running again changes nothing', async () => {
    const result = await migrateToLatest(registry.db)
    expect(result.results).toEqual([])
  })
})

describe.skipIf(!process.env.TEST_DATABASE_URL)('prepared statements (PostgreSQL server)', () => {
  it('keeps working when a migration changes a table under an already prepared statement', async () => {
    const db = registry.db
    // Every pooled connection prepares the statement, then the table changes shape.
    await Promise.all(Array.from({ length: 12 }, () => db.selectFrom('worksites').selectAll().execute()))
    await sql`alter table worksites add column extra_for_test text`.execute(db)
    const rows = await Promise.all(
      Array.from({ length: 12 }, () => db.selectFrom('worksites').selectAll().execute()),
    )
    expect(rows).toHaveLength(12)
    await sql`alter table worksites drop column extra_for_test`.execute(db)
  })

  it("plans the dashboard's figures for their values on every run, and other statements once", async () => {
    await registry.db.transaction().execute(async (trx) => {
      await trx.selectFrom('worksites').select('id').limit(1).execute()
      await dashboardFigures(trx, { ...defaultPeriod(), district: 'Leribe', sector: null })
      const { rows } = await sql<{ statement: string }>`
        select statement from pg_prepared_statements`.execute(trx)
      const prepared = rows.map((r) => r.statement)
      expect(prepared.some((s) => s.includes('from "worksites"'))).toBe(true)
      expect(prepared.some((s) => s.includes('planned each run'))).toBe(false)
      expect(prepared.some((s) => s.includes('inspections'))).toBe(false)
    })
  })
})
