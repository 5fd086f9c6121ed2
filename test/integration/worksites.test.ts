import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRegistry, type TestClient } from '../support/registry.js'

let registry: Awaited<ReturnType<typeof createTestRegistry>>
let inspector: { client: TestClient }
beforeAll(async () => {
  registry = await createTestRegistry()
  inspector = await registry.signedInAs('inspector')
})
afterAll(() => registry.close())

const words = async (res: Response) => (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
const farm = {
  name: 'Ha Mokoena Orchards',
  kind: 'farm',
  sector: 'agriculture',
  operator: 'Mokoena Fruit (Pty) Ltd',
  district: 'Leribe',
  village: 'Peka',
  latitude: '-28.95',
  longitude: '27.77',
  approx_workers: '120',
}

async function addWorksite(values: Record<string, string> = farm) {
  const res = await inspector.client.post('/worksites', values)
  expect(res.status).toBe(303)
  return res.headers.get('location')!.replace(/\?.*$/, '')
}

describe('the worksite register', () => {
  it('adds a worksite, shows it, and audits who added it', async () => {
    const url = await addWorksite()
    const page = await words(await inspector.client.get(url))
    expect(page).toContain('Ha Mokoena Orchards')
    expect(page).toContain('Mokoena Fruit (Pty) Ltd')
    expect(page).toContain('Peka, Leribe')
    expect(page).toContain('-28.95000, 27.77000')
    expect(page).toContain('No inspection of this worksite has been recorded yet.')
    const id = url.split('/').pop()!
    const audit = await registry.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label'])
      .where('entity_id', '=', id)
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['worksite.added'])
  })

  it('refuses bad input with a message beside each field, keeps what was typed, and saves nothing', async () => {
    const before = await registry.db.selectFrom('worksites').select('id').execute()
    const res = await inspector.client.post('/worksites', {
      ...farm,
      name: '',
      kind: 'castle',
      latitude: '28.95',
      approx_workers: 'many',
    })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('Enter the name of the worksite')
    expect(html).toContain('Choose what kind of worksite it is')
    expect(html).toContain('A latitude in Lesotho is between -30.7 and -28.5')
    expect(html).toContain('Enter a whole number of workers')
    expect(html).toContain('value="Mokoena Fruit (Pty) Ltd"')
    expect(html).toContain('value="many"')
    expect(await registry.db.selectFrom('worksites').select('id').execute()).toHaveLength(before.length)
    const half = await inspector.client.post('/worksites', { ...farm, longitude: '' })
    expect(half.status).toBe(422)
    expect(await half.text()).toContain('Enter both latitude and longitude, or neither')
  })

  it('finds worksites by any part of the name, employer or village, with filters', async () => {
    await addWorksite({
      ...farm,
      name: 'Maluti Textiles',
      kind: 'factory',
      sector: 'manufacturing',
      village: 'Ha Thetsane',
      district: 'Maseru',
      operator: '',
    })
    const search = await words(await inspector.client.get('/worksites?q=thetsane'))
    expect(search).toContain('Maluti Textiles')
    expect(search).not.toContain('Ha Mokoena Orchards')
    const byEmployer = await words(await inspector.client.get('/worksites?q=fruit%20mokoena'))
    expect(byEmployer).toContain('Ha Mokoena Orchards')
    const filtered = await words(await inspector.client.get('/worksites?kind=factory&district=Leribe'))
    expect(filtered).toContain('No worksite matches')
    const bad = await inspector.client.get('/worksites?district=Atlantis')
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('Select a district from the list')
    // htmx asks for the results only.
    const partial = await inspector.client.get('/worksites?q=maluti', {
      'HX-Request': 'true',
      'HX-Request-Type': 'partial',
    })
    const fragment = await partial.text()
    expect(fragment).toContain('id="worksite-results"')
    expect(fragment).not.toContain('<html')
  })

  it('edits a worksite, and gives the second of two editors a 409 that overwrites nothing', async () => {
    const url = await addWorksite({ ...farm, name: 'Butha-Buthe Poultry' })
    const other = await registry.signedInAs('inspector')
    const first = await inspector.client.post(`${url}/edit`, {
      ...farm,
      name: 'Butha-Buthe Poultry Farm',
      version: '1',
    })
    expect(first.status).toBe(303)
    const second = await other.client.post(`${url}/edit`, { ...farm, name: 'Something else', version: '1' })
    expect(second.status).toBe(409)
    expect(await words(second)).toContain('Someone else changed this worksite first')
    const page = await words(await inspector.client.get(url))
    expect(page).toContain('Butha-Buthe Poultry Farm')
    expect(page).not.toContain('Something else')
  })

  it('lets police officers and analysts read the register but not change it; unknown ids are 404', async () => {
    const url = await addWorksite({
      ...farm,
      name: 'Katse Dam Works',
      kind: 'construction_site',
      sector: 'construction',
    })
    for (const role of ['police_officer', 'analyst', 'licensing_officer'] as const) {
      const reader = await registry.signedInAs(role)
      expect((await reader.client.get(url)).status).toBe(200)
      expect(await words(await reader.client.get(url))).not.toContain('Edit the worksite')
      expect((await reader.client.post('/worksites', farm)).status).toBe(403)
      expect((await reader.client.get(`${url}/edit`)).status).toBe(403)
    }
    expect((await inspector.client.get('/worksites/00000000-0000-4000-8000-000000000000')).status).toBe(404)
    expect((await inspector.client.get('/worksites/not-an-id')).status).toBe(404)
  })
})
