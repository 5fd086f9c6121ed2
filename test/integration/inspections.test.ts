import { randomBytes, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rankDistrict } from '../../src/inspections/due.js'
import { insertPublicFixture } from '../support/public-fixtures.js'
import { createTestRegistry, type TestClient } from '../support/registry.js'

let registry: Awaited<ReturnType<typeof createTestRegistry>>
let inspector: { client: TestClient }
let worksiteId = ''
let agency: { agencyId: string; licenceNumber: string | null }

beforeAll(async () => {
  registry = await createTestRegistry()
  inspector = await registry.signedInAs('inspector')
  agency = await insertPublicFixture(registry.db, { name: 'Mohokare Farm Labour', standing: 'licensed' })
  const res = await inspector.client.post('/worksites', {
    name: 'Ha Mokoena Orchards',
    kind: 'farm',
    sector: 'agriculture',
    district: 'Leribe',
    village: 'Peka',
  })
  worksiteId = res.headers.get('location')!.split('/').pop()!.split('?')[0]!
})
afterAll(() => registry.close())

const words = async (res: Response) => (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
const key = () => randomBytes(18).toString('base64url')

function inspection(overrides: Record<string, string | string[]> = {}) {
  return {
    idempotency_key: key(),
    worksite_id: worksiteId,
    visited_at: '2026-11-18T09:30',
    type: 'joint_operation',
    lead_inspector: 'Thabo Mokhethi',
    police_1_name: 'Constable Palesa Ntsane',
    police_1_service_number: 'LMPS 40213',
    other_agencies: ['immigration'],
    workers_present: '40',
    workers_interviewed: '12',
    women: '25',
    men: '15',
    under_18: '2',
    foreign_nationals: '5',
    nationalities: 'Mozambican',
    indicator_retention_of_identity_documents: 'observed',
    evidence_retention_of_identity_documents: 'Passports of 9 workers locked in the supervisor’s office.',
    indicator_isolation: 'suspected',
    recruiter_1_licence: agency.licenceNumber!,
    recruiter_1_fee: '1500',
    recruiter_1_currency: 'LSL',
    recruiter_1_workers: '9',
    recruiter_1_indicators: ['retention_of_identity_documents'],
    recruiter_2_name: 'Bra Tsietsi',
    recruiter_2_fee: '800',
    recruiter_2_currency: 'ZAR',
    recruiter_2_workers: '3',
    labour_findings: ['no_written_contracts', 'no_payslips'],
    referral_social_welfare_female_adult: '2',
    referral_social_welfare_male_under_18: '1',
    referral_social_welfare_consent: 'yes',
    outcome: 'criminal_investigation',
    police_case_number: 'CR 118/11/2026',
    follow_up_1_action: 'Check passports returned',
    follow_up_1_due: '2026-12-01',
    action: 'submit',
    ...overrides,
  }
}

async function countFor(idempotencyKey: string) {
  return (
    await registry.db
      .selectFrom('inspections')
      .select('id')
      .where('idempotency_key', '=', idempotencyKey)
      .execute()
  ).length
}

describe('recording an inspection', () => {
  it('opens a form for a worksite with a fresh idempotency key and the inspector as lead', async () => {
    const res = await inspector.client.get(`/inspections/new?worksite=${worksiteId}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(/name="idempotency_key" value="[A-Za-z0-9_-]{24}"/)
    expect(html).toContain('Ha Mokoena Orchards')
    expect((await inspector.client.get('/inspections/new?worksite=nope')).status).toBe(404)
  })

  it('submits a whole inspection, locks it, and raises an internal finding on the agency paid', async () => {
    const form = inspection()
    const res = await inspector.client.post('/inspections', form)
    expect(res.status).toBe(303)
    const url = res.headers.get('location')!
    expect(url).toMatch(/\/inspections\/[0-9a-f-]{36}\?done=submitted/)
    const page = await words(await inspector.client.get(url))
    expect(page).toContain('Submitted')
    expect(page).toContain('Constable Palesa Ntsane (LMPS 40213)')
    expect(page).toContain('Passports of 9 workers locked')
    expect(page).toContain('Mohokare Farm Labour')
    expect(page).toContain('Bra Tsietsi not registered')
    expect(page).toContain('M 1,500.00')
    expect(page).toContain('Criminal investigation opened, police case CR 118/11/2026')
    expect(page).toMatch(/Social welfare 0 2 1 0 3 Yes/)
    const findings = await registry.db.selectFrom('inspection_findings').selectAll().execute()
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({
      agency_id: agency.agencyId,
      categories: ['recruitment_fee', 'documents_retained'],
      fee_reported: true,
      status: 'unreviewed',
    })
    const audit = await registry.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'inspection')
      .execute()
    expect(audit.map((a) => a.action)).toContain('inspection.submitted')
    // The worksite shows it in its history, and the recruiters seen supplying it.
    const worksitePage = await words(await inspector.client.get(`/worksites/${worksiteId}`))
    expect(worksitePage).toContain('Joint operation')
    expect(worksitePage).toMatch(/Mohokare Farm Labour \d+ \w+ 2026 1 9/)
    expect(worksitePage).toMatch(/Bra Tsietsi not registered \d+ \w+ 2026 1 3/)

    // A resend of the same record under its key (lost reply, second tab) changes nothing.
    const again = await inspector.client.post('/inspections', form)
    expect(again.headers.get('location')).toMatch(/\?done=unchanged$/)
    // Sent again with other content (the first reply was lost, then it was changed on the
    // device): refused with 409 and a link to the stored record, which stays as it was.
    const before = await registry.db
      .selectFrom('audit_log')
      .select(registry.db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    const changed = await inspector.client.post('/inspections', { ...form, notes: 'sent twice' })
    expect(changed.status).toBe(409)
    const changedHtml = await changed.text()
    expect(changedHtml).toContain('This inspection was already submitted')
    expect(changedHtml).toContain(`href="${url.split('?')[0]}" data-stored-record`)
    expect(changedHtml).toContain(`href="${url.split('?')[0]}/amend"`)
    expect(await countFor(form.idempotency_key)).toBe(1)
    expect(await words(await inspector.client.get(url))).not.toContain('sent twice')
    const after = await registry.db
      .selectFrom('audit_log')
      .select(registry.db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
    // Whether it is sent as a draft or submitted is not its content.
    const asDraft = await inspector.client.post('/inspections', { ...form, action: 'draft' })
    expect(asDraft.headers.get('location')).toMatch(/\?done=unchanged$/)
  })

  it('reads fees as inspectors write them, an M or R in front naming the currency', async () => {
    const res = await inspector.client.post(
      '/inspections',
      inspection({
        recruiter_1_fee: 'M1,500',
        recruiter_1_currency: '',
        recruiter_2_fee: 'R 800,50',
        recruiter_2_currency: '',
      }),
    )
    expect(res.status).toBe(303)
    const id = res.headers.get('location')!.split('/').pop()!.split('?')[0]!
    const rows = await registry.db
      .selectFrom('inspection_recruiters')
      .select(['fee_amount_minor', 'fee_currency'])
      .where('inspection_id', '=', id)
      .orderBy('position')
      .execute()
    expect(rows).toEqual([
      { fee_amount_minor: 150000, fee_currency: 'LSL' },
      { fee_amount_minor: 80050, fee_currency: 'ZAR' },
    ])
    const refused = await inspector.client.post(
      '/inspections',
      inspection({ recruiter_1_fee: '1500', recruiter_1_currency: '' }),
    )
    expect(refused.status).toBe(422)
    expect(await words(refused)).toContain('Recruiter 1: currency: Choose the currency')
    const mismatch = await inspector.client.post(
      '/inspections',
      inspection({ recruiter_1_fee: 'R1500', recruiter_1_currency: 'LSL' }),
    )
    expect(mismatch.status).toBe(422)
    expect(await mismatch.text()).toContain('The amount is written in one currency and another is chosen')
  })

  it('stores one inspection when the same record arrives twice at once', async () => {
    const form = inspection()
    const results = await Promise.all([
      inspector.client.post('/inspections', form),
      inspector.client.post('/inspections', form),
    ])
    expect(results.map((r) => r.status)).toEqual([303, 303])
    expect(await countFor(form.idempotency_key)).toBe(1)
  })

  it('stores records arriving at the same moment each on its own merits: a hostile or refused one sinks no other', async () => {
    const forms = [
      inspection(),
      inspection({ lead_inspector: 'Poison\u0000' }),
      inspection({ recruiter_1_licence: '', recruiter_1_name: 'Abuti Lefu' }),
      inspection({ recruiter_1_licence: 'LRA-2019-99999' }),
      inspection({ worksite_id: randomUUID() }),
      inspection({ notes: 'x'.repeat(5000) }),
      inspection(),
    ]
    const { client, user } = await registry.signedInAs('inspector')
    const results = await Promise.all(forms.map((form) => client.post('/inspections', form)))
    expect(results.map((r) => r.status)).toEqual([303, 422, 303, 422, 404, 422, 303])
    const stored = [forms[0]!, forms[2]!, forms[6]!]
    for (const form of stored) expect(await countFor(form.idempotency_key)).toBe(1)
    for (const form of [forms[1]!, forms[3]!, forms[4]!, forms[5]!])
      expect(await countFor(form.idempotency_key)).toBe(0)
    expect(await words(results[1]!)).toMatch(/cannot be kept/)
    // Each stored record has its own rows, findings and audit entry.
    const ids = results
      .filter((r) => r.status === 303)
      .map((r) => r.headers.get('location')!.split('/').pop()!.split('?')[0]!)
    const recruiters = await registry.db
      .selectFrom('inspection_recruiters')
      .select(['inspection_id', 'unlisted_name'])
      .where('inspection_id', 'in', ids)
      .orderBy('position')
      .execute()
    expect(recruiters.filter((r) => r.inspection_id === ids[1]).map((r) => r.unlisted_name)).toEqual([
      'Abuti Lefu',
      'Bra Tsietsi',
    ])
    const findings = await registry.db
      .selectFrom('inspection_findings')
      .select('inspection_id')
      .where('inspection_id', 'in', ids)
      .execute()
    expect(findings.map((f) => f.inspection_id).sort()).toEqual([ids[0], ids[2]].sort())
    const audit = await registry.db
      .selectFrom('audit_log')
      .select(['entity_id', 'actor_id'])
      .where('action', '=', 'inspection.submitted')
      .where('entity_id', 'in', ids)
      .execute()
    expect(audit).toHaveLength(3)
    expect(audit.every((a) => a.actor_id === user.id)).toBe(true)
  })

  it('refuses an incomplete or inconsistent record with messages beside the fields, saving nothing', async () => {
    const form = inspection({
      evidence_retention_of_identity_documents: '',
      women: '30',
      men: '20',
      recruiter_3_fee: '500',
      outcome: '',
      // A field wrong on its own does not hide the problems across fields: all come at once.
      workers_interviewed: 'twelve',
    })
    const res = await inspector.client.post('/inspections', form)
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('Enter a whole number')
    expect(html).toContain('value="twelve"')
    expect(html).toContain('Say what was seen or heard that shows this indicator')
    expect(html).toContain('Women and men together cannot be more than the workers present')
    expect(html).toContain('Enter the licence number or the name of this recruiter')
    expect(html).toContain('Choose the outcome')
    expect(html).toContain('value="Bra Tsietsi"')
    expect(await countFor(form.idempotency_key)).toBe(0)

    const unknown = inspection({ recruiter_1_licence: 'LRA-2019-99999' })
    const refused = await inspector.client.post('/inspections', unknown)
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('No agency holds this licence number')
    expect(await countFor(unknown.idempotency_key)).toBe(0)
  })

  it('keeps where the record was made: from the phone with its accuracy (rough beyond 100 m) or typed', async () => {
    const idOf = (res: Response) => res.headers.get('location')!.split('/').pop()!.split('?')[0]!
    const precise = await inspector.client.post(
      '/inspections',
      inspection({
        position_latitude: '-28.87651',
        position_longitude: '28.0512',
        position_accuracy: '12.4',
      }),
    )
    expect(precise.status).toBe(303)
    const page = await words(await inspector.client.get(`/inspections/${idOf(precise)}`))
    expect(page).toContain('Recorded at -28.87651, 28.05120 (from the phone, to within 12 m)')
    expect(await (await inspector.client.get(`/inspections/${idOf(precise)}`)).text()).toContain(
      'href="geo:-28.87651,28.0512"',
    )

    const rough = await inspector.client.post(
      '/inspections',
      inspection({ position_latitude: '-28.88', position_longitude: '28.05', position_accuracy: '2900' }),
    )
    expect(await words(await inspector.client.get(`/inspections/${idOf(rough)}`))).toContain(
      'Rough: to within 2.9 km',
    )

    const typed = await inspector.client.post(
      '/inspections',
      inspection({ position_latitude: '-28.9', position_longitude: '28.1' }),
    )
    expect(await words(await inspector.client.get(`/inspections/${idOf(typed)}`))).toContain(
      'Recorded at -28.90000, 28.10000 (typed)',
    )
    // An amendment shows where the visit was recorded, and offers no phone position (the office is not the farm).
    const amendPage = await inspector.client.get(`/inspections/${idOf(precise)}/amend`)
    const amendHtml = await amendPage.text()
    expect(amendHtml).toContain('Where the inspection was recorded')
    expect(amendHtml).not.toContain('data-position-offer')
    expect(amendHtml).toContain('value="-28.87651"')
    const none = await inspector.client.post('/inspections', inspection())
    expect(await words(await inspector.client.get(`/inspections/${idOf(none)}`))).toContain(
      'Recorded at Not recorded',
    )

    // Half a position, one outside Lesotho (a lost minus sign) or a damaged accuracy: nothing saved.
    for (const [fields, field, message] of [
      [{ position_latitude: '-28.9' }, 'position_longitude', 'Enter both latitude and longitude, or neither'],
      [
        { position_latitude: '28.9', position_longitude: '28.1' },
        'position_latitude',
        'A latitude in Lesotho is between -30.7 and -28.5: it starts with a minus sign, -28.9',
      ],
      [
        { position_latitude: '-28.9', position_longitude: '28.1', position_accuracy: '-5' },
        'position_latitude',
        'The position from the phone is damaged',
      ],
    ] as const) {
      const form = inspection(fields)
      const res = await inspector.client.post('/inspections', form)
      expect(res.status, field).toBe(422)
      const html = await res.text()
      expect(html).toContain(message)
      expect(html).toContain(`id="${field}-error"`)
      expect(await countFor(form.idempotency_key)).toBe(0)
    }
  })

  it('adds a worksite on the spot with the record, once, however often the record is sent', async () => {
    const page = await inspector.client.get('/inspections/new')
    expect(page.status).toBe(200)
    expect(await words(page)).toContain('Inspection of a new worksite')
    const spot = {
      worksite_id: '',
      new_worksite_name: 'Likhoele Poultry',
      new_worksite_kind: 'farm',
      new_worksite_sector: 'agriculture',
      new_worksite_district: 'Mafeteng',
      new_worksite_village: 'Ha Ramohapi',
      new_worksite_latitude: '-29.9',
      new_worksite_longitude: '27.5',
    }
    // Refused first: the worksite's own fields are checked, with their messages beside them.
    const refused = await inspector.client.post(
      '/inspections',
      inspection({ ...spot, new_worksite_village: '' }),
    )
    expect(refused.status).toBe(422)
    const refusedHtml = await refused.text()
    expect(refusedHtml).toContain('id="new_worksite_village-error"')
    expect(refusedHtml).toContain('Enter the village or town')
    expect(refusedHtml).toContain('value="Likhoele Poultry"')
    const form = inspection(spot)
    const results = await Promise.all([
      inspector.client.post('/inspections', form),
      inspector.client.post('/inspections', form),
    ])
    expect(results.map((r) => r.status)).toEqual([303, 303])
    const again = await inspector.client.post('/inspections', form)
    expect(again.headers.get('location')).toMatch(/\?done=unchanged$/)
    const added = await registry.db
      .selectFrom('worksites')
      .select(['id', 'district', 'latitude'])
      .where('name', '=', 'Likhoele Poultry')
      .execute()
    expect(added).toEqual([{ id: expect.any(String), district: 'Mafeteng', latitude: -29.9 }])
    const stored = await registry.db
      .selectFrom('inspections')
      .select('worksite_id')
      .where('idempotency_key', '=', form.idempotency_key)
      .execute()
    expect(stored).toEqual([{ worksite_id: added[0]!.id }])
    const audit = await registry.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', added[0]!.id)
      .execute()
    expect(audit).toEqual([{ action: 'worksite.added' }])
    expect(await words(await inspector.client.get(`/worksites/${added[0]!.id}`))).toContain('Joint operation')
  })

  it('saves a draft without an outcome, continues it, and submits it as the same record', async () => {
    const form = inspection({
      outcome: '',
      police_case_number: '',
      action: 'draft',
      notes: 'Came back at noon',
    })
    const res = await inspector.client.post('/inspections', form)
    expect(res.headers.get('location')).toMatch(/\?done=draft$/)
    const url = res.headers.get('location')!.replace(/\?.*$/, '')
    expect(await words(await inspector.client.get(url))).toContain('Draft')
    const edit = await inspector.client.get(`${url}/edit`)
    const html = await edit.text()
    expect(html).toContain(`value="${form.idempotency_key}"`)
    expect(html).toContain('Came back at noon')
    expect(html).toContain('value="1500"')
    const submitted = await inspector.client.post('/inspections', {
      ...form,
      outcome: 'advice_given',
      action: 'submit',
    })
    expect(submitted.headers.get('location')).toBe(`${url}?done=submitted`)
    expect(await countFor(form.idempotency_key)).toBe(1)
    // Submitted: the form no longer opens it.
    expect((await inspector.client.get(`${url}/edit`)).status).toBe(303)
  })

  it('shows a draft only to the one who started it: no one else opens, lists, continues or submits it', async () => {
    const form = inspection({ outcome: '', police_case_number: '', action: 'draft', notes: 'Half done' })
    const res = await inspector.client.post('/inspections', form)
    const url = res.headers.get('location')!.replace(/\?.*$/, '')
    for (const role of ['inspector', 'police_officer', 'admin', 'licensing_officer', 'analyst'] as const) {
      const other = await registry.signedInAs(role)
      const page = await other.client.get(url)
      expect(page.status, role).toBe(403)
      const text = await words(page)
      expect(text, role).toContain('only the person who started it can open it')
      expect(text, role).not.toContain('Half done')
      if (role === 'licensing_officer' || role === 'analyst') continue
      expect((await other.client.get(`${url}/edit`)).status, role).toBe(403)
      expect(await words(await other.client.get(`/worksites/${worksiteId}`)), role).not.toContain(url)
      // Sending a form under the draft's key changes nothing of it.
      const taken = await other.client.post('/inspections', {
        ...form,
        notes: 'Overwritten',
        action: 'submit',
      })
      expect(taken.status, role).toBe(422)
      const row = await registry.db
        .selectFrom('inspections')
        .select(['status', 'notes', 'recorded_by'])
        .where('idempotency_key', '=', form.idempotency_key)
        .executeTakeFirstOrThrow()
      expect(row).toMatchObject({ status: 'draft', notes: 'Half done' })
    }
    expect(await words(await inspector.client.get(`/worksites/${worksiteId}`))).toContain('Draft')
    // Submitted, it is read-only to every staff role.
    await inspector.client.post('/inspections', { ...form, outcome: 'advice_given', action: 'submit' })
    const analyst = await registry.signedInAs('analyst')
    expect((await analyst.client.get(url)).status).toBe(200)
  })

  it('corrects a submitted record only by an amendment with a reason, keeping the original', async () => {
    const form = inspection()
    const url = (await inspector.client.post('/inspections', form)).headers
      .get('location')!
      .replace(/\?.*$/, '')
    const id = url.split('/').pop()!
    const amendForm = await inspector.client.get(`${url}/amend`)
    expect(amendForm.status).toBe(200)
    expect(await amendForm.text()).toContain('value="Constable Palesa Ntsane"')
    const corrected = { ...form, workers_present: '45', women: '30', version: '1' }
    const noReason = await inspector.client.post(`${url}/amend`, corrected)
    expect(noReason.status).toBe(422)
    expect(await noReason.text()).toContain('Say why the record is being amended')
    const saved = await inspector.client.post(`${url}/amend`, {
      ...corrected,
      amendment_reason: 'Five workers were in the packing shed and counted the next day',
    })
    expect(saved.headers.get('location')).toBe(`${url}?done=amended`)
    const page = await words(await inspector.client.get(url))
    expect(page).toContain('Workers present 45')
    expect(page).toContain('Five workers were in the packing shed')
    const [amendment] = await registry.db
      .selectFrom('inspection_amendments')
      .selectAll()
      .where('inspection_id', '=', id)
      .execute()
    expect(
      (amendment!.before as { inspection: { workers_present: number } }).inspection.workers_present,
    ).toBe(40)
    expect((amendment!.after as { inspection: { workers_present: number } }).inspection.workers_present).toBe(
      45,
    )
    // Opened before that amendment: 409, nothing overwritten.
    const stale = await inspector.client.post(`${url}/amend`, {
      ...corrected,
      workers_present: '50',
      amendment_reason: 'x',
    })
    expect(stale.status).toBe(409)
    expect(await words(await inspector.client.get(url))).toContain('Workers present 45')
    const audit = await registry.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .execute()
    expect(audit.map((a) => a.action).sort()).toEqual(['inspection.amended', 'inspection.submitted'])
  })

  it('keeps each worksite’s facts for ranking in step with its submitted inspections and amendments', async () => {
    const add = await inspector.client.post('/worksites', {
      name: 'Maputsoe Knitwear',
      kind: 'factory',
      sector: 'manufacturing',
      district: 'Leribe',
      village: 'Maputsoe',
    })
    const site = add.headers.get('location')!.split('/').pop()!.split('?')[0]!
    const facts = async () => ({
      worksite: await registry.db
        .selectFrom('worksites')
        .select(['last_inspected_at', 'indicators_observed', 'indicators_suspected'])
        .where('id', '=', site)
        .executeTakeFirstOrThrow(),
      recruiters: (
        await registry.db
          .selectFrom('worksite_recruiters')
          .select('agency_id')
          .where('worksite_id', '=', site)
          .execute()
      ).map((r) => r.agency_id),
    })
    // A draft is not a finding yet.
    await inspector.client.post('/inspections', inspection({ worksite_id: site, action: 'draft' }))
    expect(await facts()).toEqual({
      worksite: { last_inspected_at: null, indicators_observed: 0, indicators_suspected: 0 },
      recruiters: [],
    })
    const form = inspection({ worksite_id: site })
    const url = (await inspector.client.post('/inspections', form)).headers
      .get('location')!
      .replace(/\?.*$/, '')
    expect(await facts()).toEqual({
      worksite: {
        last_inspected_at: new Date('2026-11-18T07:30:00Z'),
        indicators_observed: 1,
        indicators_suspected: 1,
      },
      recruiters: [agency.agencyId],
    })
    // Amended: the documents were not retained after all, and no registered agency was involved.
    const amended = await inspector.client.post(`${url}/amend`, {
      ...form,
      indicator_retention_of_identity_documents: 'not_observed',
      evidence_retention_of_identity_documents: '',
      recruiter_1_licence: '',
      recruiter_1_name: 'Ntate Sello',
      recruiter_1_indicators: [],
      version: '1',
      amendment_reason: 'The passports were in a safe the workers could open',
    })
    expect(amended.status).toBe(303)
    expect(await facts()).toEqual({
      worksite: {
        last_inspected_at: new Date('2026-11-18T07:30:00Z'),
        indicators_observed: 0,
        indicators_suspected: 1,
      },
      recruiters: [],
    })
  })

  it('shows follow-ups still to do on the inspector home page and the worksite, overdue marked, until done', async () => {
    const form = inspection({
      follow_up_1_action: 'Return the nine passports',
      follow_up_1_due: '2026-11-01',
    })
    const url = (await inspector.client.post('/inspections', form)).headers
      .get('location')!
      .replace(/\?.*$/, '')
    const home = await words(await inspector.client.get('/staff'))
    expect(home).toMatch(/\d+ follow-ups? (is|are) overdue/)
    expect(home).toContain('Overdue 1 November 2026: Return the nine passports at Ha Mokoena Orchards')
    expect(await words(await inspector.client.get(`/worksites/${worksiteId}`))).toContain(
      'Overdue 1 November 2026: Return the nine passports',
    )
    const analyst = await registry.signedInAs('analyst')
    expect(await words(await analyst.client.get('/staff'))).not.toContain('Follow-ups to do')

    const [followUp] = await registry.db
      .selectFrom('inspection_follow_ups')
      .select('id')
      .where('action', '=', 'Return the nine passports')
      .execute()
    const officer = await registry.signedInAs('licensing_officer')
    expect((await officer.client.post(`/follow-ups/${followUp!.id}/done`)).status).toBe(403)
    const done = await inspector.client.post(`/follow-ups/${followUp!.id}/done`)
    expect(done.headers.get('location')).toBe(`${url}?done=follow_up_done`)
    expect(await words(await inspector.client.get('/staff'))).not.toContain('Return the nine passports')
    expect(await words(await inspector.client.get(url))).toMatch(
      /Return the nine passports: due 1 November 2026, done/,
    )
    expect((await inspector.client.post(`/follow-ups/${followUp!.id}/done`)).status).toBe(409)
  })

  it('lets police officers record and read, every staff role read, and no one else write', async () => {
    const police = await registry.signedInAs('police_officer')
    const res = await police.client.post('/inspections', inspection({ lead_inspector: 'Thabo Mokhethi' }))
    expect(res.status).toBe(303)
    const url = res.headers.get('location')!
    for (const role of ['analyst', 'licensing_officer'] as const) {
      const reader = await registry.signedInAs(role)
      expect((await reader.client.get(url)).status).toBe(200)
      expect((await reader.client.get(`/inspections/new?worksite=${worksiteId}`)).status).toBe(403)
      expect((await reader.client.post('/inspections', inspection())).status).toBe(403)
    }
    expect((await police.client.get('/inspections/00000000-0000-4000-8000-000000000000')).status).toBe(404)
  })

  it('waits for a licensing officer: substantiated, a finding counts like a complaint; dismissed, it does not', async () => {
    const paid = await insertPublicFixture(registry.db, {
      name: 'Senqu Harvest Recruiters',
      standing: 'licensed',
    })
    const other = await insertPublicFixture(registry.db, {
      name: 'Qiloane Seasonal Labour',
      standing: 'licensed',
    })
    const res = await inspector.client.post(
      '/inspections',
      inspection({
        recruiter_1_licence: paid.licenceNumber!,
        recruiter_2_name: '',
        recruiter_2_fee: '',
        recruiter_2_currency: '',
        recruiter_2_workers: '',
        recruiter_2_licence: other.licenceNumber!,
        recruiter_2_indicators: ['retention_of_identity_documents'],
      }),
    )
    expect(res.status).toBe(303)
    const officer = await registry.signedInAs('licensing_officer')
    const lookup = async (q: string) =>
      words(await registry.app.request(`/lookup?q=${encodeURIComponent(q)}`))
    expect(await lookup('senqu harvest')).not.toContain('recruitment fee.')
    const agencyPage = await words(await officer.client.get(`/agencies/${paid.agencyId}`))
    expect(agencyPage).toContain('1 inspection finding to review')
    expect(agencyPage).toContain('workers said they paid it a fee')
    expect(await words(await officer.client.get('/agencies?q=senqu%20harvest'))).toContain(
      '1 inspection finding to review',
    )
    const [finding] = await registry.db
      .selectFrom('inspection_findings')
      .select(['id', 'version'])
      .where('agency_id', '=', paid.agencyId)
      .execute()
    const decide = (client: TestClient, form: Record<string, string | string[]>) =>
      client.post(`/inspection-findings/${finding!.id}/decide`, {
        version: String(finding!.version),
        ...form,
      })

    const nothingProven = await decide(officer.client, { outcome: 'substantiated', reason: 'Receipts seen' })
    expect(nothingProven.status).toBe(422)
    expect(await nothingProven.text()).toContain('Choose what was proven')
    const notAbout = await decide(officer.client, {
      outcome: 'substantiated',
      proven: ['deception'],
      reason: 'x',
    })
    expect(notAbout.status).toBe(422)
    expect(await notAbout.text()).toContain('Choose only what this finding is about')
    expect((await decide(inspector.client, { outcome: 'dismissed', reason: 'x' })).status).toBe(403)

    const done = await decide(officer.client, {
      outcome: 'substantiated',
      proven: ['recruitment_fee', 'documents_retained'],
      reason: 'Nine receipts for M1500 and passports held, seen at the inspection',
    })
    expect(done.status).toBe(303)
    expect(await lookup('senqu harvest')).toContain('Found to have charged workers a recruitment fee.')
    const after = await words(await officer.client.get(`/agencies/${paid.agencyId}`))
    expect(after).toContain('24 demerit points')
    expect(after).not.toContain('inspection finding to review')
    const byPoints = await officer.client.get('/agencies?sort=points')
    expect((await byPoints.text()).split('<tbody>')[1]!.split('</tr>')[0]).toContain(
      'Senqu Harvest Recruiters',
    )
    // The same decision again, from a page opened before: 409, nothing changes.
    const stale = await decide(officer.client, { outcome: 'dismissed', reason: 'Changed my mind' })
    expect(stale.status).toBe(409)

    const [second] = await registry.db
      .selectFrom('inspection_findings')
      .select(['id', 'version'])
      .where('agency_id', '=', other.agencyId)
      .execute()
    const dismissed = await officer.client.post(`/inspection-findings/${second!.id}/decide`, {
      version: String(second!.version),
      outcome: 'dismissed',
      reason: 'The passports were held by the employer, not the agency',
    })
    expect(dismissed.status).toBe(303)
    expect(await lookup('qiloane seasonal')).not.toContain('Found to have')
    expect(await words(await officer.client.get(`/agencies/${other.agencyId}`))).toContain('0 demerit points')
    const audit = await registry.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', paid.agencyId)
      .execute()
    expect(audit.map((a) => a.action)).toContain('inspection_finding.substantiated')
  })

  it('ranks the worksites of a district by risk, with the reasons, for choosing where to inspect next', async () => {
    const police = await registry.signedInAs('police_officer')
    const add = async (name: string, kind: string, sector: string) => {
      const res = await inspector.client.post('/worksites', {
        name,
        kind,
        sector,
        district: 'Mokhotlong',
        village: 'Polihali',
      })
      return res.headers.get('location')!.split('/').pop()!.split('?')[0]!
    }
    await add('Polihali Guest Lodge', 'other', 'hospitality')
    const quarry = await add('Letseng Sandstone Quarry', 'mine', 'mining')
    await add('Mokhotlong Wool Shed', 'farm', 'agriculture')
    // The quarry was inspected last week: an observed indicator and a suspected one.
    await inspector.client.post(
      '/inspections',
      inspection({
        worksite_id: quarry,
        visited_at: '2026-11-15T10:00',
        recruiter_1_licence: '',
        recruiter_1_fee: '',
        recruiter_1_currency: '',
        recruiter_1_workers: '',
        recruiter_1_indicators: [],
        recruiter_2_name: '',
        recruiter_2_fee: '',
        recruiter_2_currency: '',
        recruiter_2_workers: '',
      }),
    )
    const res = await police.client.get('/inspections/due?district=Mokhotlong')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).toContain('3 worksites in Mokhotlong')
    const rows = html
      .split('<tbody>')[1]!
      .split('</tr>')
      .map((r) => r.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '))
    // Never inspected, farm: 30 + 15; the quarry: 10 observed + 4 suspected + mining 10; lodge: 30 + 5.
    expect(rows[0]).toMatch(
      /1 Mokhotlong Wool Shed [^0-9]*45 points Never inspected \(\+30\) Sector: Agriculture \(\+15\)/,
    )
    expect(rows[0]!.match(/Never inspected/g)).toHaveLength(1)
    expect(rows[1]).toMatch(/2 Polihali Guest Lodge .* 35 points /)
    expect(rows[2]).toMatch(
      /3 Letseng Sandstone Quarry .* Last inspected 15 November 2026 24 points 1 forced-labour indicator observed and 1 suspected at past inspections \(\+14\) Sector: Mining \(\+10\)/,
    )
    // A page past the end (an old link) says so and leads back, not that there are no worksites.
    const past = await words(await police.client.get('/inspections/due?district=Mokhotlong&page=3'))
    expect(past).toContain('No worksites on this page.')
    expect(past).toContain('This page is past the end of the list, which has 1 page. Go to the list')
    expect(past).not.toContain('No worksites are registered')
    // The inspector's own district is the default; a bad one is a 422 with the message.
    expect(await words(await inspector.client.get('/inspections/due'))).toMatch(
      /(Worksites in Maseru, highest risk first|No worksites are registered in Maseru)/,
    )
    // A district with none offers to add one only to those who may (the police may not).
    expect(await words(await inspector.client.get('/inspections/due?district=Quthing'))).toContain(
      'No worksites are registered in Quthing. Add one to plan its inspection.',
    )
    // The link starts the form with that district chosen.
    expect(await (await inspector.client.get('/inspections/due?district=Quthing')).text()).toContain(
      'href="/worksites/new?district=Quthing"',
    )
    const form = await (await inspector.client.get('/worksites/new?district=Quthing')).text()
    expect(form).toMatch(/<option value="Quthing" selected/)
    expect((await inspector.client.get('/worksites/new?district=Atlantis')).status).toBe(200)
    const none = await words(await police.client.get('/inspections/due?district=Quthing'))
    expect(none).toContain('No worksites are registered in Quthing.')
    expect(none).not.toContain('Add one')
    const bad = await police.client.get('/inspections/due?district=Atlantis')
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('Select a district from the list')
  })

  it("counts a worksite's recruiters flagged by a decision within 24 months, and their open complaints", async () => {
    const today = '2026-12-01'
    const site = await inspector.client.post('/worksites', {
      name: 'Semonkong Wool Shed',
      kind: 'farm',
      sector: 'agriculture',
      district: 'Thaba-Tseka',
      village: 'Mantšonyane',
    })
    const worksiteId = site.headers.get('location')!.split('/').pop()!.split('?')[0]!
    const recruiter = async (
      name: string,
      decidedAt: string | null,
      status: 'decided' | 'under_review' = 'decided',
    ) => {
      const { agencyId } = await insertPublicFixture(registry.db, { name, standing: 'licensed' })
      await registry.db
        .insertInto('worksite_recruiters')
        .values({ worksite_id: worksiteId, agency_id: agencyId, last_seen_at: new Date('2026-10-01') })
        .execute()
      await registry.db
        .insertInto('complaints')
        .values({
          reference: `C-${randomBytes(4).toString('hex')}`,
          submission_key: randomUUID(),
          agency_id: agencyId,
          categories: ['recruitment_fee'],
          description: 'Asked for M300 for an induction workshop',
          language: 'en',
          status,
          outcome: decidedAt ? 'substantiated' : null,
          decided_at: decidedAt ? new Date(decidedAt) : null,
          proven_categories: decidedAt ? ['recruitment_fee'] : [],
        })
        .execute()
    }
    // The window starts on 1 December 2024 (UTC dates, as in the flag rules): a decision on that
    // day no longer counts, one the next day does; an open complaint counts on its own.
    await recruiter('Old Decision Recruiting', '2024-12-01T23:30:00Z')
    await recruiter('Recent Decision Recruiting', '2024-12-02T00:30:00Z')
    await recruiter('Open Complaint Recruiting', null, 'under_review')
    const { rows } = await rankDistrict(registry.db, 'Thaba-Tseka', today, { offset: 0, limit: 500 })
    const shed = rows.find((w) => w.id === worksiteId)!
    expect(shed.facts).toMatchObject({ flaggedRecruiters: 1, openComplaints: 1 })
    expect(shed.score).toBe(30 + 12 + 8 + 15)
  })
})
