import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rankDistrict, riskScoreSql } from '../../src/inspections/due.js'
import { type WorksiteRiskFacts, worksiteRisk } from '../../src/inspections/risk.js'
import { addDays, todayInLesotho } from '../../src/time.js'
import { SECTOR_LABELS, SECTORS, type Sector } from '../../src/vocabulary.js'
import { insertPublicFixture } from '../support/public-fixtures.js'
import { createTestRegistry, type TestClient } from '../support/registry.js'

// The due list is ranked in PostgreSQL (src/inspections/due.ts) by the score the pure rules give
// (src/inspections/risk.ts), which word its reasons: the two must never disagree.

let registry: Awaited<ReturnType<typeof createTestRegistry>>
let inspector: TestClient
let officer: TestClient
const today = todayInLesotho()
const label = (s: Sector) => SECTOR_LABELS[s]

beforeAll(async () => {
  registry = await createTestRegistry()
  inspector = (await registry.signedInAs('inspector')).client
  officer = (await registry.signedInAs('licensing_officer')).client
})
afterAll(() => registry.close())

describe('the due-list ranking', () => {
  it('scores in SQL exactly as the rules do, for every mix of facts', async () => {
    const days = [null, -31, -1, 0, 29, 30, 59, 449, 450, 451, 5000]
    const { rows } = await sql<{
      sector: Sector
      days: number | null
      observed: number
      suspected: number
      complaints: number
      flagged: number
      score: number
    }>`
      select s.sector, d.days, o.observed, su.suspected, c.complaints, f.flagged, ${riskScoreSql({
        sector: sql`s.sector`,
        daysSinceLastInspection: sql`d.days`,
        indicatorsObserved: sql`o.observed`,
        indicatorsSuspected: sql`su.suspected`,
        openComplaints: sql`c.complaints`,
        flaggedRecruiters: sql`f.flagged`,
      })} as score
      from unnest(${[...SECTORS]}::text[]) s(sector)
        cross join unnest(${days}::int[]) d(days)
        cross join unnest(${[0, 1, 3, 4, 9]}::int[]) o(observed)
        cross join unnest(${[0, 1, 10]}::int[]) su(suspected)
        cross join unnest(${[0, 1, 2, 3, 4]}::int[]) c(complaints)
        cross join unnest(${[0, 1, 2, 3, 4]}::int[]) f(flagged)`.execute(registry.db)
    expect(rows).toHaveLength(SECTORS.length * days.length * 5 * 3 * 5 * 5)
    const disagreements = rows.filter((r) => {
      const facts: WorksiteRiskFacts = {
        sector: r.sector,
        daysSinceLastInspection: r.days,
        indicatorsObserved: r.observed,
        indicatorsSuspected: r.suspected,
        openComplaints: r.complaints,
        flaggedRecruiters: r.flagged,
      }
      return worksiteRisk(facts, label).score !== r.score
    })
    expect(disagreements).toEqual([])
  })

  it('ranks highest first, equal scores by name, and pages on from where the last ended', async () => {
    // Mokhotlong holds only these in this database.
    const made: { name: string; sector: Sector; observed: number; daysAgo: number | null }[] = [
      { name: 'Sani Pass Lodge', sector: 'hospitality', observed: 0, daysAgo: 10 },
      { name: 'Letseng Diamond Camp', sector: 'mining', observed: 2, daysAgo: 100 },
      { name: 'Mokhotlong Wool Shed', sector: 'agriculture', observed: 0, daysAgo: null },
      { name: 'Ha Molapo Farm', sector: 'agriculture', observed: 0, daysAgo: null },
      { name: 'Linakeng Road Works', sector: 'construction', observed: 1, daysAgo: 400 },
      // Accented letters are read as their plain letters: not after every "z".
      { name: 'Tsoana Farm', sector: 'agriculture', observed: 0, daysAgo: null },
      { name: 'Tšepo Knitwear', sector: 'manufacturing', observed: 0, daysAgo: null },
      { name: 'Émile Orchards', sector: 'agriculture', observed: 0, daysAgo: null },
    ]
    for (const w of made) {
      const res = await inspector.post('/worksites', {
        kind: 'farm',
        village: 'Mokhotlong',
        name: w.name,
        sector: w.sector,
        district: 'Mokhotlong',
      })
      expect(res.status).toBe(303)
      await registry.db
        .updateTable('worksites')
        .set({
          indicators_observed: w.observed,
          last_inspected_at: w.daysAgo === null ? null : new Date(`${addDays(today, -w.daysAgo)}T10:00:00Z`),
        })
        .where('name', '=', w.name)
        .execute()
    }
    const all = await rankDistrict(registry.db, 'Mokhotlong', today, { offset: 0, limit: 10 })
    expect(all.total).toBe(8)
    expect(all.rows.map((r) => [r.name, r.score])).toEqual([
      // 13 months since the visit (26), 1 indicator observed (10), construction (10)
      ['Linakeng Road Works', 46],
      // never inspected (30), agriculture or manufacturing (15): equal, so by name
      ['Émile Orchards', 45],
      ['Ha Molapo Farm', 45],
      ['Mokhotlong Wool Shed', 45],
      ['Tšepo Knitwear', 45],
      ['Tsoana Farm', 45],
      // 3 months (6), 2 observed (20), mining (10)
      ['Letseng Diamond Camp', 36],
      ['Sani Pass Lodge', 5],
    ])
    // Each row's score is the one its reasons add up to.
    for (const r of all.rows) expect(worksiteRisk(r.facts, label).score).toBe(r.score)
    const second = await rankDistrict(registry.db, 'Mokhotlong', today, { offset: 2, limit: 2 })
    expect(second.rows.map((r) => r.name)).toEqual(all.rows.slice(2, 4).map((r) => r.name))
    expect(second.total).toBe(8)
    // A page past the last has no rows and still says how many there are.
    expect(await rankDistrict(registry.db, 'Mokhotlong', today, { offset: 25, limit: 25 })).toEqual({
      rows: [],
      total: 8,
    })
  })

  it("keeps a worksite's recruiters with it when its district is corrected, and through a merge", async () => {
    const site = { kind: 'farm', village: 'Mphaki', name: 'Mphaki Orchards', sector: 'agriculture' }
    const idOf = (res: Response) => res.headers.get('location')!.split('/').pop()!.split('?')[0]!
    const farm = idOf(await inspector.post('/worksites', { ...site, district: 'Quthing' }))
    const { agencyId, licenceNumber } = await insertPublicFixture(registry.db, {
      name: 'Mphaki Labour Hire',
      standing: 'licensed',
    })
    // An inspection sees the recruiter supplying the farm: that is what links the two.
    const inspected = await inspector.post('/inspections', {
      idempotency_key: 'due-ranking-link-district',
      worksite_id: farm,
      visited_at: `${addDays(today, -3)}T10:00`,
      type: 'routine',
      lead_inspector: 'Thabo Mokhethi',
      outcome: 'no_issue',
      recruiter_1_licence: licenceNumber!,
      recruiter_1_workers: '4',
      action: 'submit',
    })
    expect(inspected.status).toBe(303)
    await registry.db
      .insertInto('complaints')
      .values({
        reference: 'C-TEST-0001',
        submission_key: 'due-ranking-link-district',
        agency_id: agencyId,
        categories: ['recruitment_fee'],
        description: 'Asked for M300 for an induction workshop',
        language: 'en',
        status: 'under_review',
      })
      .execute()
    const complaintsAt = async (district: 'Quthing' | 'Berea' | 'Mafeteng', id: string) =>
      (await rankDistrict(registry.db, district, today, { offset: 0, limit: 25 })).rows.find(
        (r) => r.id === id,
      )?.facts.openComplaints
    expect(await complaintsAt('Quthing', farm)).toBe(1)

    const version = async (id: string) =>
      String(
        (
          await registry.db
            .selectFrom('worksites')
            .select('version')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).version,
      )
    const edited = await inspector.post(`/worksites/${farm}/edit`, {
      ...site,
      district: 'Berea',
      version: await version(farm),
    })
    expect(edited.status).toBe(303)
    expect(await complaintsAt('Quthing', farm)).toBeUndefined()
    expect(await complaintsAt('Berea', farm)).toBe(1)

    const kept = idOf(
      await inspector.post('/worksites', { ...site, name: 'Mphaki Fruit Farm', district: 'Mafeteng' }),
    )
    const merged = await officer.post(`/worksites/${farm}/merge`, {
      into: kept,
      reason: 'The same farm, added twice.',
      version: await version(farm),
    })
    expect(merged.status).toBe(303)
    expect(await complaintsAt('Berea', farm)).toBeUndefined()
    expect(await complaintsAt('Mafeteng', kept)).toBe(1)
  })
})
