import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RECORD_EXPORTS } from '../../src/reports/exports.js'
import { dashboardFigures } from '../../src/reports/figures.js'
import { defaultPeriod } from '../../src/reports/schemas.js'
import { addDays, addMonths, todayInLesotho } from '../../src/time.js'
import { insertPublicFixture, PRIVATE_VALUES } from '../support/public-fixtures.js'
import { createTestRegistry, type TestClient } from '../support/registry.js'

// A small registry whose figures are known by hand: two agencies, four complaints (one outside
// the period), four inspections (one outside the period, one a draft), one referral of three
// people.
let registry: Awaited<ReturnType<typeof createTestRegistry>>
let analyst: TestClient
let farmId = ''
const today = todayInLesotho()
const inPeriod = addDays(today, -40)
const period = defaultPeriod(today)
const CONTACT = '+266 5811 2233'
const DESCRIPTION = 'He took M1500 from each of us at the bus rank'

beforeAll(async () => {
  registry = await createTestRegistry()
  const db = registry.db
  analyst = (await registry.signedInAs('analyst')).client
  const inspector = (await registry.signedInAs('inspector')).client
  const farmAgency = await insertPublicFixture(db, {
    name: 'Mohokare Farm Labour',
    standing: 'licensed',
    district: 'Leribe',
    sectors: ['agriculture'],
  })
  const factoryAgency = await insertPublicFixture(db, {
    name: 'Maluti Factory Staffing',
    standing: 'expired',
    district: 'Maseru',
    sectors: ['manufacturing'],
  })
  // Two applications decided in the period: after 10 and 20 days.
  for (const [status, days] of [
    ['approved', 10],
    ['refused', 20],
  ] as const)
    await db
      .insertInto('licence_applications')
      .values({
        agency_id: farmAgency.agencyId,
        kind: 'renewal',
        status,
        submitted_at: new Date(`${addDays(inPeriod, -days)}T08:00:00+02:00`),
        decided_at: new Date(`${inPeriod}T08:00:00+02:00`),
      })
      .execute()
  const complaint = (values: Record<string, unknown>) =>
    db
      .insertInto('complaints')
      .values({
        reference: `C-${randomBytes(4).toString('hex').toUpperCase()}`,
        submission_key: randomBytes(12).toString('hex'),
        description: DESCRIPTION,
        contact_phone: CONTACT,
        language: 'en',
        categories: ['recruitment_fee'],
        created_at: new Date(`${inPeriod}T10:00:00+02:00`),
        ...values,
      } as never)
      .execute()
  await complaint({
    agency_id: farmAgency.agencyId,
    categories: ['recruitment_fee', 'deception'],
    district: 'Leribe',
    status: 'decided',
    outcome: 'substantiated',
    proven_categories: ['recruitment_fee'],
    decided_at: new Date(`${addDays(inPeriod, 5)}T10:00:00+02:00`),
  })
  await complaint({ agency_id: factoryAgency.agencyId, district: 'Maseru', status: 'received' })
  await complaint({
    categories: ['wages_withheld'],
    recruiter_name: 'Ntate Sello',
    promised_country: 'Dreamland;=1+1',
    district: 'Leribe',
    status: 'decided',
    outcome: 'unsubstantiated',
    decided_at: new Date(`${addDays(inPeriod, 6)}T10:00:00+02:00`),
    referred_at: new Date(`${addDays(inPeriod, 2)}T10:00:00+02:00`),
    police_case_number: 'CR 12/2026',
  })
  await complaint({
    agency_id: farmAgency.agencyId,
    district: 'Leribe',
    created_at: new Date(`${addMonths(today, -30)}T10:00:00+02:00`),
  })

  const worksite = async (values: Record<string, string>) => {
    const res = await inspector.post('/worksites', { kind: 'farm', village: 'Peka', ...values })
    return res.headers.get('location')!.split('/').pop()!.split('?')[0]!
  }
  const farm = await worksite({ name: 'Ha Mokoena Orchards', sector: 'agriculture', district: 'Leribe' })
  farmId = farm
  const factory = await worksite({
    name: 'Thetsane Denim',
    kind: 'factory',
    sector: 'manufacturing',
    district: 'Maseru',
  })
  const inspect = (values: Record<string, string | string[]>) =>
    inspector.post('/inspections', {
      idempotency_key: randomBytes(18).toString('base64url'),
      visited_at: `${inPeriod}T09:30`,
      lead_inspector: 'Thabo Mokhethi',
      outcome: 'advice_given',
      action: 'submit',
      ...values,
    })
  const police = await registry.signedInAs('police_officer')
  const confirmedByPolice = await inspect({
    worksite_id: farm,
    type: 'routine',
    police_1_name: police.user.name,
    police_1_service_number: 'LMPS 40213',
    indicator_retention_of_identity_documents: 'observed',
    evidence_retention_of_identity_documents: 'Passports in the office safe',
    indicator_isolation: 'suspected',
    referral_social_welfare_female_adult: '2',
    referral_social_welfare_male_under_18: '1',
    referral_social_welfare_consent: 'yes',
    outcome: 'criminal_investigation',
    police_case_number: 'CR 44/2026',
  })
  // The routine farm visit is confirmed by the police officer on the team; the planned joint
  // operation at the factory is not (yet).
  const confirmedId = confirmedByPolice.headers.get('location')!.split('/').pop()!.split('?')[0]!
  expect((await police.client.post(`/inspections/${confirmedId}/confirm`, { version: '1' })).status).toBe(303)
  await inspect({ worksite_id: factory, type: 'joint_operation' })
  await inspect({
    worksite_id: farm,
    type: 'routine',
    visited_at: `${addMonths(today, -36)}T09:30`,
    indicator_debt_bondage: 'observed',
    evidence_debt_bondage: 'Debts for transport',
  })
  await inspect({ worksite_id: farm, type: 'follow_up', action: 'draft', outcome: '' })
})
afterAll(() => registry.close())

const all = { ...period, district: null, sector: null }

describe('dashboard figures', () => {
  it('counts a hand-made registry as a person would', async () => {
    const f = await dashboardFigures(registry.db, all, today)
    expect(f.licencesByStatus).toEqual(
      expect.arrayContaining([
        { status: 'active', count: 1 },
        { status: 'expired', count: 1 },
      ]),
    )
    expect(f.applications).toEqual({ approved: 1, refused: 1, withdrawn: 0, medianDays: 15 })
    expect(f.complaintsByCategory).toEqual([
      { category: 'recruitment_fee', count: 2 },
      { category: 'deception', count: 1 },
      { category: 'wages_withheld', count: 1 },
    ])
    expect(f.complaintsByStatus).toEqual([
      { status: 'decided', count: 2 },
      { status: 'received', count: 1 },
    ])
    expect(f.complaints).toEqual({ received: 3, decided: 2, substantiated: 1, referredToPolice: 1 })
    expect(f.inspections).toEqual({
      total: 2,
      withIndicator: 1,
      criminalInvestigations: 1,
      plannedJoint: 1,
      confirmedByBoth: 1,
    })
    expect(f.inspectionsByType).toEqual([
      { type: 'joint_operation', count: 1 },
      { type: 'routine', count: 1 },
    ])
    expect(f.indicatorsObserved).toEqual([{ indicator: 'retention_of_identity_documents', count: 1 }])
    expect(f.victimsByGroup).toEqual({ femaleUnder18: 0, femaleAdult: 2, maleUnder18: 1, maleAdult: 0 })
    expect(f.victimsByDestination).toEqual([{ destination: 'social_welfare', count: 3, withConsent: 3 }])
    // Every calendar month the period touches, the first and last in part.
    expect(f.monthly[0]!.month).toBe(period.from.slice(0, 7))
    expect(f.monthly.at(-1)!.month).toBe(today.slice(0, 7))
    expect(f.monthly.reduce((s, m) => s + m.inspections, 0)).toBe(2)
    expect(f.monthly.reduce((s, m) => s + m.complaints, 0)).toBe(3)
    expect(f.monthly.find((m) => m.month === inPeriod.slice(0, 7))).toEqual({
      month: inPeriod.slice(0, 7),
      inspections: 2,
      complaints: 3,
    })
    expect(f.districts).toEqual([
      {
        district: 'Leribe',
        inspections: 1,
        withIndicator: 1,
        complaints: 2,
        victims: 3,
        criminalInvestigations: 1,
      },
      {
        district: 'Maseru',
        inspections: 1,
        withIndicator: 0,
        complaints: 1,
        victims: 0,
        criminalInvestigations: 0,
      },
    ])
  })

  it('narrows every figure to one district or one sector', async () => {
    const leribe = await dashboardFigures(registry.db, { ...all, district: 'Leribe' }, today)
    expect(leribe.inspections.total).toBe(1)
    expect(leribe.complaints.received).toBe(2)
    expect(leribe.licencesByStatus).toEqual([{ status: 'active', count: 1 }])
    expect(leribe.districts.map((d) => d.district)).toEqual(['Leribe'])
    const factories = await dashboardFigures(registry.db, { ...all, sector: 'manufacturing' }, today)
    expect(factories.inspections).toEqual({
      total: 1,
      withIndicator: 0,
      criminalInvestigations: 0,
      plannedJoint: 1,
      confirmedByBoth: 0,
    })
    // Only the complaint about the factory agency: an unlisted recruiter has no sector.
    expect(factories.complaints.received).toBe(1)
    expect(factories.applications.approved).toBe(0)
    // A longer period reaches the older records.
    const fiveYears = await dashboardFigures(registry.db, { ...all, from: addMonths(today, -60) }, today)
    expect(fiveYears.inspections.total).toBe(3)
    expect(fiveYears.complaints.received).toBe(4)
  })
})

describe('the dashboard page and downloads', () => {
  it('shows the figures as tables, refuses bad filters with a 422 beside the field', async () => {
    const res = await analyst.get('/dashboard')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Forced-labour indicators observed')
    expect(html).toContain(`value="${period.from}"`)
    expect(html).toMatch(/<th scope="row">Retention of identity documents<\/th><td class="number">1<\/td>/)
    const bad = await analyst.get('/dashboard?from=2026-13-40&district=Atlantis')
    expect(bad.status).toBe(422)
    const badHtml = await bad.text()
    expect(badHtml).toContain('id="district-error"')
    expect(badHtml).toContain('value="2026-13-40"')
    // Changed on the page, only the figures are replaced: they say what to correct, with links
    // to the fields.
    const partial = await analyst.get('/dashboard?from=2027-01-01&to=2026-01-01', {
      'hx-request': 'true',
      'hx-request-type': 'partial',
    })
    expect(partial.status).toBe(422)
    const fragment = await partial.text()
    expect(fragment).toMatch(/^<div id="dashboard-figures"/)
    expect(fragment).toContain('There is a problem')
    expect(fragment).toMatch(/<a href="#to" data-message="[^"]+">To: [^<]+<\/a>/)
    expect(fragment).toContain('Correct the filters above to see the figures.')
    // A named period overrides the dates typed, and the figures say whose dates they are.
    const tip = await (
      await analyst.get('/dashboard?period=tip-2026&from=2025-12-08&to=2026-12-07', {
        'hx-request': 'true',
        'hx-request-type': 'partial',
      })
    ).text()
    // The count line (what the status line reads out) is short; the explanation stands beside it.
    expect(tip).toMatch(
      /<p data-summary[^>]*>From 1 April 2025 to 31 March 2026, all districts, all sectors\.<\/p>/,
    )
    expect(tip).toContain('These are the dates of the period chosen above')
    // On the whole page the boxes show the period's dates, set aside (not sent, passed over by Tab).
    const page = await (await analyst.get('/dashboard?period=tip-2026&from=2025-12-08')).text()
    expect(page).toMatch(/<input id="from" name="from" type="date" value="2025-04-01" disabled/)
    expect(page).toMatch(/<input id="to" name="to" type="date"[^>]* disabled/)
    // The closed list shows only a label's start: the report's year comes first.
    expect(page).toMatch(
      /<option value="tip-2026" selected="">2026 TIP report year, 1 April 2025 to 31 March 2026<\/option>/,
    )
  })

  it('downloads each table as CSV, and the records without contact details or free text', async () => {
    const table = await analyst.get('/dashboard.csv?table=districts&district=Leribe')
    expect(table.status).toBe(200)
    expect(table.headers.get('content-type')).toContain('text/csv')
    const text = await table.text()
    expect(text.split('\r\n')[1]).toBe('Leribe,1,1,2,3,1')
    expect((await analyst.get('/dashboard.csv?table=nonsense')).status).toBe(404)

    const complaints = await (
      await analyst.get(`/exports/complaints.csv?from=${addMonths(today, -60)}`)
    ).text()
    expect(complaints.split('\r\n').filter(Boolean)).toHaveLength(5)
    const inspections = await (await analyst.get('/exports/inspections.csv')).text()
    expect(inspections.split('\r\n').filter(Boolean)).toHaveLength(3)
    expect(inspections).toContain(
      ',retention_of_identity_documents,isolation,,0,0,,criminal_investigation,0,2,1,0\r\n',
    )
    // The farm visit the police confirmed says so; the factory's planned joint operation does not.
    const lines = inspections.split('\r\n').filter(Boolean)
    expect(lines[0]).toContain('inspection_id,visited_at,type,confirmed_by_both_services,')
    expect(lines.filter((l) => l.includes(',routine,yes,'))).toHaveLength(1)
    expect(lines.filter((l) => l.includes(',joint_operation,no,'))).toHaveLength(1)
    const agencies = await (await analyst.get('/exports/agencies.csv')).text()
    expect(agencies).toContain('Mohokare Farm Labour')
    for (const secret of [
      CONTACT,
      DESCRIPTION,
      'Ntate Sello',
      'Thabo Mokhethi',
      'Passports in the office safe',
      PRIVATE_VALUES.phone,
      PRIVATE_VALUES.email,
      PRIVATE_VALUES.personName,
      PRIVATE_VALUES.idNumber,
    ])
      for (const file of [complaints, inspections, agencies]) expect(file).not.toContain(secret)
    // Nothing the public typed, and not the reporters' tracking references either.
    expect(complaints).not.toContain('Dreamland')
    const references = await registry.db.selectFrom('complaints').select('reference').execute()
    for (const { reference } of references) expect(complaints).not.toContain(reference)
    const audit = await registry.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'export.downloaded')
      .execute()
    expect(audit.map((a) => (a.after as { what: string }).what)).toEqual([
      'complaints',
      'inspections',
      'agencies',
    ])
  })

  it('streams every record once across batch boundaries, oldest first, even where times are equal', async () => {
    const fiveYears = { ...all, from: addMonths(today, -60) }
    for (const [kind, expected] of [
      ['inspections', 3],
      ['complaints', 4],
      ['agencies', 2],
      ['licences', 2],
    ] as const) {
      const rows: unknown[][] = []
      for await (const batch of RECORD_EXPORTS[kind].batches(registry.db, fiveYears, 1)) rows.push(...batch)
      expect(rows, kind).toHaveLength(expected)
      expect(new Set(rows.map((r) => r[0])).size, kind).toBe(expected)
    }
    const visits: unknown[] = []
    for await (const batch of RECORD_EXPORTS.inspections.batches(registry.db, fiveYears, 2))
      visits.push(...batch.map((r) => r[1]))
    expect(visits).toEqual([...visits].sort())
  })

  it('gives the TIP data as counts by district and sector, with no free text or contact field', async () => {
    const json = (await (await analyst.get('/exports/tip-data.json')).json()) as {
      fields: { name: string }[]
      rows: Record<string, string | number>[]
    }
    expect(json.rows).toEqual([
      expect.objectContaining({
        district: 'Leribe',
        sector: 'agriculture',
        inspections: 1,
        inspections_with_forced_labour_indicators: 1,
        criminal_investigations: 1,
        joint_operations_planned: 0,
        joint_operations_confirmed_by_both_services: 1,
        confirmed_by_both_services_share_of_all_inspections: 1,
        victims_female_18_and_over: 2,
        victims_male_under_18: 1,
        referred_to_social_welfare: 3,
        referrals_with_consent_recorded: 3,
      }),
      expect.objectContaining({
        district: 'Maseru',
        sector: 'manufacturing',
        inspections: 1,
        joint_operations_planned: 1,
        joint_operations_confirmed_by_both_services: 0,
        confirmed_by_both_services_share_of_all_inspections: 0,
      }),
    ])
    // Every field is a count, a period bound or a category from the registry's own lists.
    const free = json.fields.filter(
      (f) =>
        !/^(period_start|period_end|district|sector|inspections.*|criminal_investigations|joint_operations_.*|confirmed_by_both_services_.*|victims_.*|referred_to_.*|referrals_with_consent_recorded)$/.test(
          f.name,
        ),
    )
    expect(free).toEqual([])
    for (const row of json.rows)
      for (const [name, value] of Object.entries(row))
        if (!['period_start', 'period_end', 'district', 'sector'].includes(name))
          expect(typeof value).toBe('number')
    const csv = await (await analyst.get('/exports/tip-data.csv')).text()
    expect(csv.split('\r\n')[0]!.replace(/^\uFEFF/, '')).toBe(json.fields.map((f) => f.name).join(','))
    for (const secret of [CONTACT, DESCRIPTION, 'Thabo Mokhethi', 'Ha Mokoena Orchards', 'Passports'])
      expect(csv + JSON.stringify(json)).not.toContain(secret)
  })

  it('counts a record submitted since the figures were last shown (kept figures follow the registry)', async () => {
    const figuresOf = async () =>
      (await (await analyst.get('/dashboard.csv?table=inspection-findings')).text()).split('\r\n')[1]
    expect(await figuresOf()).toBe('2,1,50%,1')
    const inspector = (await registry.signedInAs('inspector')).client
    const res = await inspector.post('/inspections', {
      idempotency_key: randomBytes(18).toString('base64url'),
      worksite_id: farmId,
      visited_at: `${inPeriod}T11:00`,
      type: 'follow_up',
      lead_inspector: 'Thabo Mokhethi',
      outcome: 'no_issue',
      action: 'submit',
    })
    expect(res.status).toBe(303)
    expect(await figuresOf()).toBe('3,1,33.3%,1')
  })

  it('is refused to inspectors and police officers', async () => {
    for (const role of ['inspector', 'police_officer'] as const) {
      const client = (await registry.signedInAs(role)).client
      for (const path of [
        '/dashboard',
        '/dashboard.csv?table=monthly',
        '/exports/inspections.csv',
        '/exports/tip-data.json',
      ])
        expect((await client.get(path)).status).toBe(403)
    }
  })
})
