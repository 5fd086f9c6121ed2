import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoData } from '../../src/demo/seed.js'
import { createTestRegistry, TestClient } from '../support/registry.js'

let registry: Awaited<ReturnType<typeof createTestRegistry>>
beforeAll(async () => {
  registry = await createTestRegistry()
})
afterAll(() => registry.close())

describe('demo data in the database', () => {
  it('loads agencies, worksites and one user per role who can sign in, and audits the load', async () => {
    const { users } = await seedDemoData(registry.db, { agencies: 1500 })
    const count = async (table: 'agencies' | 'worksites') =>
      (
        await registry.db
          .selectFrom(table)
          .select(sql<number>`count(*)::int`.as('n'))
          .executeTakeFirstOrThrow()
      ).n
    expect(await count('agencies')).toBe(1500)
    expect(await count('worksites')).toBe(375)
    const inspector = users.find((u) => u.role === 'inspector')!
    const res = await new TestClient(registry.app).post('/login', {
      email: inspector.email,
      password: inspector.password,
    })
    expect(res.status).toBe(303)
    const audit = await registry.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'demo.seeded')
      .executeTakeFirstOrThrow()
    expect(audit.after).toEqual({ users: 5, agencies: 1500, worksites: 375 })
  })
})
