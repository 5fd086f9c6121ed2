import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../src/db/database.js'
import { dashboardFigures } from '../../src/reports/figures.js'
import { defaultPeriod } from '../../src/reports/schemas.js'
import { addDays, todayInLesotho } from '../../src/time.js'
import type { District, Sector } from '../../src/vocabulary.js'
import { createTestRegistry, type TestClient } from '../support/registry.js'

// An inspection counts in its worksite's district and sector (kept on the inspection for the
// figures): it follows a worksite whose district or sector is corrected, and a merge into a
// worksite elsewhere.

let registry: Awaited<ReturnType<typeof createTestRegistry>>
let inspector: TestClient
let officer: TestClient
const today = todayInLesotho()
const idOf = (res: Response) => res.headers.get('location')!.split('/').pop()!.split('?')[0]!

beforeAll(async () => {
  registry = await createTestRegistry()
  inspector = (await registry.signedInAs('inspector')).client
  officer = (await registry.signedInAs('licensing_officer')).client
})
afterAll(() => registry.close())

const site = {
  kind: 'farm',
  village: 'Peka',
  name: 'Ha Mokoena Orchards',
  sector: 'agriculture',
  district: 'Leribe',
}

async function worksite(values: Record<string, string> = {}) {
  const res = await inspector.post('/worksites', { ...site, ...values })
  expect(res.status).toBe(303)
  return idOf(res)
}

async function inspect(worksiteId: string) {
  const res = await inspector.post('/inspections', {
    idempotency_key: randomBytes(18).toString('base64url'),
    worksite_id: worksiteId,
    visited_at: `${addDays(today, -3)}T10:00`,
    type: 'routine',
    lead_inspector: 'Thabo Mokhethi',
    outcome: 'no_issue',
    action: 'submit',
  })
  expect(res.status).toBe(303)
}

/** How many inspections the dashboard counts for a district, or a sector. */
const counted = async (db: Database, filter: { district?: District; sector?: Sector }) =>
  (await dashboardFigures(db, { ...defaultPeriod(today), district: null, sector: null, ...filter }, today))
    .inspections.total

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

describe("an inspection's district and sector in the figures", () => {
  let farm = ''

  it('warns of moving past inspections only on the edit form of a worksite that has some', async () => {
    const fresh = await worksite({ name: 'Ha Ramabanta Poultry' })
    const form = (await (await inspector.get(`/worksites/${fresh}/edit`)).text()).replace(/\s+/g, ' ')
    expect(form).not.toContain('past ones too')
    expect(form).toContain('A worksite that has really moved is a new worksite: add it.')
  })

  it("counts an inspection in its worksite's district and sector", async () => {
    farm = await worksite()
    await inspect(farm)
    expect(await counted(registry.db, { district: 'Leribe' })).toBe(1)
    expect(await counted(registry.db, { sector: 'agriculture' })).toBe(1)
    expect(await counted(registry.db, { district: 'Berea' })).toBe(0)
  })

  it('moves it with a worksite whose district and sector are corrected, as the edit form warns', async () => {
    const form = (await (await inspector.get(`/worksites/${farm}/edit`)).text()).replace(/\s+/g, ' ')
    expect(form).toContain(
      'Change it only to correct a mistake: all of this worksite&#39;s inspections, past ones too, then count in the district chosen.',
    )
    const res = await inspector.post(`/worksites/${farm}/edit`, {
      ...site,
      district: 'Berea',
      sector: 'construction',
      version: await version(farm),
    })
    expect(res.status).toBe(303)
    expect(await counted(registry.db, { district: 'Leribe' })).toBe(0)
    expect(await counted(registry.db, { district: 'Berea' })).toBe(1)
    expect(await counted(registry.db, { sector: 'agriculture' })).toBe(0)
    expect(await counted(registry.db, { sector: 'construction' })).toBe(1)
  })

  it('moves it with a merge into a worksite of another district', async () => {
    const kept = await worksite({ name: 'Mokoena Orchards', district: 'Mafeteng' })
    const res = await officer.post(`/worksites/${farm}/merge`, {
      into: kept,
      reason: 'The same farm, added with the wrong district.',
      version: await version(farm),
    })
    expect(res.status).toBe(303)
    expect(await counted(registry.db, { district: 'Berea' })).toBe(0)
    expect(await counted(registry.db, { district: 'Mafeteng' })).toBe(1)
    expect(await counted(registry.db, { sector: 'agriculture' })).toBe(1)
  })
})
