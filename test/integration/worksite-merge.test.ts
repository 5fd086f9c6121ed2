import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertPublicFixture } from '../support/public-fixtures.js'
import { createTestRegistry, type TestClient } from '../support/registry.js'

// The same farm added twice (two inspectors, offline): found as a likely duplicate, merged into
// the one kept with its inspections and facts, the merged page pointing to it.

let registry: Awaited<ReturnType<typeof createTestRegistry>>
let inspector: TestClient
let officer: TestClient
let licence = ''

const words = async (res: Response) => (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
const idOf = (res: Response) => res.headers.get('location')!.split('/').pop()!.split('?')[0]!

beforeAll(async () => {
  registry = await createTestRegistry()
  inspector = (await registry.signedInAs('inspector')).client
  officer = (await registry.signedInAs('licensing_officer')).client
  licence = (await insertPublicFixture(registry.db, { name: 'Mohokare Farm Labour', standing: 'licensed' }))
    .licenceNumber!
})
afterAll(() => registry.close())

async function worksite(values: Record<string, string>) {
  const res = await inspector.post('/worksites', {
    kind: 'farm',
    sector: 'agriculture',
    district: 'Leribe',
    village: 'Peka',
    ...values,
  })
  expect(res.status).toBe(303)
  return idOf(res)
}

const record = (worksiteId: string, extra: Record<string, string> = {}) => ({
  idempotency_key: randomBytes(18).toString('base64url'),
  worksite_id: worksiteId,
  visited_at: '2026-11-20T10:00',
  type: 'routine',
  lead_inspector: 'Thabo Mokhethi',
  workers_present: '12',
  outcome: 'no_issue',
  action: 'submit',
  ...extra,
})

async function inspect(worksiteId: string, extra: Record<string, string> = {}) {
  const res = await inspector.post('/inspections', record(worksiteId, extra))
  expect(res.status).toBe(303)
  return idOf(res)
}

const worksiteRow = (id: string) =>
  registry.db.selectFrom('worksites').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

describe('worksites added twice', () => {
  let kept = ''
  let twice = ''
  let elsewhere = ''

  it('lists the likely duplicates with the reasons, and not worksites that only share a district', async () => {
    kept = await worksite({ name: 'Ha Mokoena Orchards' })
    twice = await worksite({
      name: 'Mokoena Orchard',
      latitude: '-28.951',
      longitude: '27.771',
      operator: 'Mokoena',
    })
    elsewhere = await worksite({
      name: 'Maputsoe Textiles',
      kind: 'factory',
      sector: 'manufacturing',
      village: 'Maputsoe',
    })
    await inspect(kept, { visited_at: '2026-10-01T09:00' })
    await inspect(twice, {
      visited_at: '2026-11-20T10:00',
      recruiter_1_licence: licence,
      recruiter_1_workers: '4',
    })
    const page = await words(await officer.get('/worksites/duplicates'))
    expect(page).toContain('Mokoena Orchard , Peka, Leribe')
    expect(page).toContain('Ha Mokoena Orchards , Peka: Names alike. The same village.')
    expect(page).toContain('Merge Mokoena Orchard into Ha Mokoena Orchards')
    expect(page).not.toContain('Maputsoe Textiles')
    expect(await words(await inspector.get(`/worksites/${twice}`))).toContain(
      'Another worksite of this district looks like this one:',
    )
  })

  it('refuses a merge without a reason, keeping the choice', async () => {
    const res = await inspector.post(`/worksites/${twice}/merge`, {
      into: kept,
      reason: '',
      version: String((await worksiteRow(twice)).version),
    })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('Say why they are the same worksite')
    expect(html).toMatch(new RegExp(`value="${kept}"[^>]*checked`))
    expect((await worksiteRow(twice)).merged_into_id).toBeNull()
  })

  it('merges one into the other: inspections, recruiters and position move, the merged page points on', async () => {
    const version = String((await worksiteRow(twice)).version)
    const res = await officer.post(`/worksites/${twice}/merge`, {
      into: kept,
      reason: 'The same farm, added offline by two inspectors.',
      version,
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toContain(`/worksites/${kept}`)
    const survivorPage = await words(await officer.get(res.headers.get('location')!))
    expect(survivorPage).toContain(
      'The duplicate has been merged into this worksite: 1 inspection moved here.',
    )
    expect(survivorPage).toContain('Mohokare Farm Labour')
    const survivor = await worksiteRow(kept)
    expect(survivor.latitude).toBe(-28.951)
    expect(survivor.operator).toBe('Mokoena')
    expect(survivor.last_inspected_at?.toISOString()).toBe(new Date('2026-11-20T08:00:00Z').toISOString())
    const moved = await registry.db.selectFrom('inspections').select('worksite_id').execute()
    expect(moved.filter((i) => i.worksite_id === twice)).toHaveLength(0)
    expect(moved.filter((i) => i.worksite_id === kept)).toHaveLength(2)

    const merged = await words(await inspector.get(`/worksites/${twice}`))
    expect(merged).toContain('it was merged into Ha Mokoena Orchards')
    expect(merged).toContain('Reason: The same farm, added offline by two inspectors.')
    expect(await words(await inspector.get('/worksites?q=mokoena'))).toContain('1 worksite')
    const [entry] = await registry.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'worksite.merged')
      .execute()
    expect(entry).toMatchObject({ entity_id: twice })
    expect(entry?.after).toMatchObject({ merged_into_id: kept, inspections_moved: 1 })

    // Again, from a page opened before: nothing changes.
    const again = await inspector.post(`/worksites/${twice}/merge`, { into: kept, reason: 'Same', version })
    expect(again.status).toBe(409)
    expect((await inspector.get(`/worksites/${twice}/merge`)).headers.get('location')).toBe(
      `/worksites/${twice}`,
    )
  })

  it('stores a record that waited on a phone for the merged worksite against the one kept', async () => {
    const waiting = record(twice, { visited_at: '2026-11-21T11:00' })
    const res = await inspector.post('/inspections', waiting)
    expect(res.status).toBe(303)
    const stored = await registry.db
      .selectFrom('inspections')
      .select('worksite_id')
      .where('idempotency_key', '=', waiting.idempotency_key)
      .executeTakeFirstOrThrow()
    expect(stored.worksite_id).toBe(kept)
    // Its resend is the same record.
    expect((await inspector.post('/inspections', waiting)).status).toBe(303)
    expect(
      await registry.db.selectFrom('inspections').select('id').where('worksite_id', '=', kept).execute(),
    ).toHaveLength(3)
  })

  it('refuses merging into itself or into a merged worksite, and is for inspectors and licensing officers', async () => {
    const version = String((await worksiteRow(elsewhere)).version)
    const self = await inspector.post(`/worksites/${elsewhere}/merge`, {
      into: elsewhere,
      reason: 'x',
      version,
    })
    expect(self.status).toBe(409)
    expect(await words(self)).toContain('cannot be merged into itself')
    const intoMerged = await inspector.post(`/worksites/${elsewhere}/merge`, {
      into: twice,
      reason: 'x',
      version,
    })
    expect(intoMerged.status).toBe(409)
    expect(await words(intoMerged)).toContain('has itself been merged into another')
    for (const role of ['analyst', 'police_officer'] as const) {
      const client = (await registry.signedInAs(role)).client
      expect((await client.get('/worksites/duplicates')).status, role).toBe(403)
      expect((await client.get(`/worksites/${elsewhere}/merge`)).status, role).toBe(403)
      expect(
        (await client.post(`/worksites/${elsewhere}/merge`, { into: kept, reason: 'x', version })).status,
      ).toBe(403)
    }
    expect((await worksiteRow(elsewhere)).merged_into_id).toBeNull()
  })
})
