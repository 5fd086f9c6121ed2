import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertPublicFixture } from '../support/public-fixtures.js'
import { createTestRegistry, TestClient } from '../support/registry.js'

// Focal points in the districts: kept by administrators (office lines only), given to the public
// on "Where to report", after a report is sent (web and USSD), and missing ones on the dashboard.

let registry: Awaited<ReturnType<typeof createTestRegistry>>
let admin: TestClient
beforeAll(async () => {
  registry = await createTestRegistry()
  admin = (await registry.signedInAs('admin')).client
})
afterAll(() => registry.close())

const words = async (res: Response) =>
  (await res.text())
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ')
const leribePolice = {
  office: 'Hlotse Police Station, Child and Gender Protection Unit',
  phone: '+266 2240 0250',
  address: 'Main Road, Hlotse, next to the magistrate’s court',
  hours: 'Every day, all hours',
  office_line: 'yes',
}

describe('focal points', () => {
  it('are added by an administrator only as office lines, and refused with what was typed kept', async () => {
    const page = await admin.get('/focal-points/Leribe/police')
    expect(page.status).toBe(200)
    const unconfirmed = await admin.post('/focal-points/Leribe/police', {
      ...leribePolice,
      office_line: '',
      version: '0',
    })
    expect(unconfirmed.status).toBe(422)
    const html = await unconfirmed.text()
    expect(html).toContain('Confirm that this is an office or service line')
    expect(html).toContain('value="+266 2240 0250"')
    const letters = await admin.post('/focal-points/Leribe/police', {
      ...leribePolice,
      phone: 'call Mpho',
      version: '0',
    })
    expect(letters.status).toBe(422)
    expect(await words(letters)).toContain('Enter a phone number in digits')
    const saved = await admin.post('/focal-points/Leribe/police', { ...leribePolice, version: '0' })
    expect(saved.status).toBe(303)
    const list = await words(await admin.get('/focal-points'))
    expect(list).toContain('Hlotse Police Station, Child and Gender Protection Unit')
    expect(list).toContain('10 districts lack one or more focal points')
    const audit = await registry.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'focal_point')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['focal_point.added'])
    // The same form sent again is stale: it was made before the point existed.
    expect((await admin.post('/focal-points/Leribe/police', { ...leribePolice, version: '0' })).status).toBe(
      409,
    )
    expect((await admin.get('/focal-points/Nowhere/police')).status).toBe(404)
    expect((await admin.get('/focal-points/Leribe/army')).status).toBe(404)
  })

  it('are given to the public in both languages, and after a report in the district', async () => {
    const offices = await words(await new TestClient(registry.app).get('/offices?district=Leribe'))
    expect(offices).toContain('Offices in Leribe')
    expect(offices).toContain('Police anti-trafficking unit : Hlotse Police Station')
    expect(offices).toContain('+266 2240 0250')
    const sesotho = await words(await new TestClient(registry.app).get('/offices?district=Leribe&lang=st'))
    expect(sesotho).toContain('Liofisi tsa Leribe')
    const none = await words(await new TestClient(registry.app).get('/offices?district=Quthing'))
    expect(none).toContain('No office is recorded for this district yet')
    // A report naming Leribe: its sent page gives Leribe's offices.
    const person = new TestClient(registry.app)
    await person.get('/complaints/new')
    const sent = await person.post('/complaints/new', {
      submission_key: randomBytes(16).toString('base64url'),
      recruiter_name: 'Ntate Sello',
      categories: ['recruitment_fee'],
      fee_amount: '800',
      fee_currency: 'LSL',
      district: 'Leribe',
      description: 'He took 800 maloti for a farm job.',
    })
    expect(sent.status).toBe(303)
    const sentPage = await words(await person.get(sent.headers.get('location')!))
    expect(sentPage).toContain('Offices in Leribe')
    expect(sentPage).toContain('+266 2240 0250')
    // A report naming a licence but no district: the agency's district's offices.
    const agency = await insertPublicFixture(registry.db, {
      name: 'Hlotse Farm Jobs',
      standing: 'licensed',
      district: 'Leribe',
    })
    const other = new TestClient(registry.app)
    await other.get('/complaints/new')
    const byLicence = await other.post('/complaints/new', {
      submission_key: randomBytes(16).toString('base64url'),
      licence: agency.licenceNumber!,
      categories: ['recruitment_fee'],
      fee_amount: '500',
      fee_currency: 'LSL',
      description: 'They asked 500 maloti before the bus left.',
    })
    expect(byLicence.status).toBe(303)
    expect(await words(await other.get(byLicence.headers.get('location')!))).toContain('Offices in Leribe')
    // By USSD: the district's police line closes the report.
    const reply = await (
      await registry.app.request('/ussd', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          sessionId: 'AT-focal',
          serviceCode: '*120*55#',
          phoneNumber: '+26658009999',
          text: ['2', 'Ntate Sello', '1', 'M300', '3', '2', '1'].join('*'),
        }).toString(),
      })
    ).text()
    expect(reply).toMatch(/^END Report sent\. Your reference: C-.*\nPolice Leribe: \+266 2240 0250$/s)
    expect(reply.length).toBeLessThanOrEqual(160)
  })

  it('are changed at the version seen, removed after a confirmation, and missing ones shown on the dashboard', async () => {
    const row = await registry.db.selectFrom('focal_points').select('version').executeTakeFirstOrThrow()
    const changed = await admin.post('/focal-points/Leribe/police', {
      ...leribePolice,
      phone: '+266 2240 0251',
      version: String(row.version),
    })
    expect(changed.status).toBe(303)
    const analyst = (await registry.signedInAs('analyst')).client
    let dashboard = await words(await analyst.get('/dashboard'))
    expect(dashboard).toContain('Districts without a focal point')
    expect(dashboard).toContain('Leribe: none for District labour office, Social welfare, NGO shelter line')
    expect(dashboard).toMatch(/Quthing: none for Police anti-trafficking focal point/)
    const confirm = await admin.get('/focal-points/Leribe/police/remove')
    expect(await words(confirm)).toContain(
      'Remove the focal point: Police anti-trafficking focal point, Leribe?',
    )
    const removed = await admin.post('/focal-points/Leribe/police/remove', {
      version: String(row.version + 1),
    })
    expect(removed.status).toBe(303)
    dashboard = await words(await analyst.get('/dashboard'))
    expect(dashboard).toMatch(/Leribe: none for Police anti-trafficking focal point/)
    expect((await admin.get('/focal-points/Leribe/police/remove')).status).toBe(404)
  })
})
