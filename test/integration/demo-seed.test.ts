import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { flagsForAgencies } from '../../src/complaints/flags.js'
import { seedDemoData } from '../../src/demo/seed.js'
import { todayInLesotho } from '../../src/time.js'
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
    // Most agencies carry a licensing past; numbers never collide with ones issued later.
    const licences = await registry.db
      .selectFrom('licences')
      .select(['licence_number', 'issued_on'])
      .execute()
    expect(licences.length).toBeGreaterThan(1000)
    expect(licences.every((l) => l.licence_number.startsWith(`LRA-${l.issued_on.slice(0, 4)}-`))).toBe(true)
    const counters = await registry.db.selectFrom('licence_number_counters').selectAll().execute()
    for (const counter of counters) {
      const issued = licences.filter((l) => l.licence_number.startsWith(`LRA-${counter.year}-`))
      expect(Math.max(...issued.map((l) => Number(l.licence_number.slice(-5))))).toBe(counter.last_sequence)
    }
    const statuses = new Set(
      (await registry.db.selectFrom('licences').select('status').execute()).map((l) => l.status),
    )
    expect(statuses).toEqual(new Set(['active', 'suspended', 'revoked', 'surrendered']))
    const audit = await registry.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'demo.seeded')
      .executeTakeFirstOrThrow()
    expect(audit.after).toEqual({
      users: 7,
      agencies: 1500,
      worksites: 375,
      complaints: 3000,
      inspections: 1875,
      cases: expect.any(Number),
    })
  })

  it('opens criminal cases from referrals and directly, at every stage, each step after the one before', async () => {
    const cases = await registry.db
      .selectFrom('criminal_cases')
      .select(['id', 'stage', 'district', 'complaint_id', 'inspection_id', 'opened_on', 'stage_since'])
      .execute()
    expect(cases.length).toBeGreaterThan(60)
    expect(new Set(cases.map((k) => k.stage))).toEqual(
      new Set(['under_investigation', 'sent_to_dpp', 'charged', 'verdict', 'closed']),
    )
    expect(new Set(cases.map((k) => k.district)).size).toBe(10)
    expect(cases.some((k) => k.complaint_id)).toBe(true)
    expect(cases.some((k) => k.inspection_id)).toBe(true)
    expect(cases.some((k) => !k.complaint_id && !k.inspection_id)).toBe(true)
    const today = todayInLesotho()
    for (const k of cases) expect(k.opened_on <= k.stage_since && k.stage_since <= today).toBe(true)
    const events = await registry.db
      .selectFrom('criminal_case_events')
      .select(['case_id', 'to_stage', 'on_date'])
      .orderBy('id')
      .execute()
    const last = new Map<string, string>()
    for (const e of events) {
      expect(e.on_date >= (last.get(e.case_id) ?? '0000')).toBe(true)
      last.set(e.case_id, e.on_date)
    }
    const rulings = await registry.db
      .selectFrom('case_suspects')
      .select('verdict')
      .where('verdict', 'is not', null)
      .execute()
    expect(new Set(rulings.map((s) => s.verdict))).toEqual(new Set(['convicted', 'acquitted', 'withdrawn']))
  })

  it('leaves complaints as a working office would: some waiting, some decided, some raising flags', async () => {
    const complaints = await registry.db
      .selectFrom('complaints')
      .select(['agency_id', 'status', 'outcome', 'decided_at', 'created_at'])
      .execute()
    expect(complaints).toHaveLength(3000)
    expect(new Set(complaints.map((c) => c.status))).toEqual(
      new Set(['received', 'under_review', 'decided', 'closed']),
    )
    expect(complaints.filter((c) => c.agency_id === null).length).toBeGreaterThan(500)
    expect(complaints.every((c) => c.decided_at === null || c.decided_at >= c.created_at)).toBe(true)
    expect(complaints.every((c) => c.decided_at === null || c.decided_at.getTime() <= Date.now())).toBe(true)
    const about = [...new Set(complaints.flatMap((c) => (c.agency_id ? [c.agency_id] : [])))]
    const flags = await flagsForAgencies(registry.db, about, todayInLesotho())
    const flagged = [...flags.values()].filter((f) => f.publicFlags.length > 0)
    // Flags are the exception, not the rule.
    expect(flagged.length).toBeGreaterThan(20)
    expect(flagged.length).toBeLessThan(about.length / 2)
  })
  it('records inspections as field work would: mostly routine and clean, some findings, few referrals', async () => {
    const inspections = await registry.db
      .selectFrom('inspections')
      .select(['id', 'status', 'type', 'visited_at', 'outcome'])
      .execute()
    expect(inspections).toHaveLength(1875)
    expect(inspections.every((i) => i.visited_at.getTime() <= Date.now())).toBe(true)
    expect(new Set(inspections.map((i) => i.type)).size).toBe(4)
    const submitted = inspections.filter((i) => i.status === 'submitted')
    expect(submitted.length).toBeGreaterThan(1800)
    const withIndicators = await registry.db
      .selectFrom('inspection_indicators')
      .select(sql<number>`count(distinct inspection_id)::int`.as('n'))
      .executeTakeFirstOrThrow()
    expect(withIndicators.n).toBeGreaterThan(100)
    expect(withIndicators.n).toBeLessThan(400)
    const findings = await registry.db
      .selectFrom('inspection_findings')
      .select(['status', 'demerit_points', 'decided_at'])
      .execute()
    expect(new Set(findings.map((f) => f.status))).toEqual(
      new Set(['unreviewed', 'substantiated', 'dismissed']),
    )
    const substantiated = findings.filter((f) => f.status === 'substantiated')
    expect(substantiated.every((f) => f.demerit_points > 0)).toBe(true)
    expect(findings.every((f) => f.decided_at === null || f.decided_at.getTime() <= Date.now())).toBe(true)
    const referred = await registry.db.selectFrom('inspection_referrals').selectAll().execute()
    expect(referred.length).toBeGreaterThan(5)
    expect(referred.length).toBeLessThan(submitted.length / 10)
    expect(submitted.filter((i) => i.outcome === 'criminal_investigation').length).toBeGreaterThan(5)
  })
})
