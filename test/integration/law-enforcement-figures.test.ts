import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseStage, Offence } from '../../src/cases/stages.js'
import type { District } from '../../src/vocabulary.js'
import { insertPublicFixture } from '../support/public-fixtures.js'
import { createTestRegistry, type TestClient } from '../support/registry.js'

// The law-enforcement figures for the TIP reporting year 1 April 2025 to 31 March 2026, from five
// cases whose figures are worked out by hand below; and the same tables suppressed for
// publication.

let registry: Awaited<ReturnType<typeof createTestRegistry>>
let analyst: TestClient
let caseNumber = 0
const TIP_2026 = 'period=tip-2026'

async function insertCase(c: {
  district: District
  reported: string
  opened: string
  offences: Offence[]
  steps?: [action: string, to: CaseStage, on: string][]
  charged?: string
}) {
  caseNumber += 1
  const steps = c.steps ?? []
  const last = steps.at(-1)
  const k = await registry.db
    .insertInto('criminal_cases')
    .values({
      station: `${c.district} Central`,
      case_year: Number(c.opened.slice(0, 4)),
      case_number: caseNumber,
      district: c.district,
      investigating_officer: 'D/Sgt Test',
      offences: c.offences,
      reported_on: c.reported,
      opened_on: c.opened,
      stage: last?.[1] ?? 'under_investigation',
      stage_since: last?.[2] ?? c.opened,
      charged_on: c.charged ?? null,
      court: c.charged ? 'Maseru Magistrate’s Court' : null,
      court_case_number: c.charged ? `CRI/${caseNumber}` : null,
      submission_key: randomBytes(12).toString('hex'),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const [action, to, on] of [['open', 'under_investigation', c.opened] as const, ...steps])
    await registry.db
      .insertInto('criminal_case_events')
      .values({ case_id: k.id, action, from_stage: null, to_stage: to, on_date: on, actor_label: 'test' })
      .execute()
  return k.id
}

async function suspect(caseId: string, s: Record<string, unknown>) {
  await registry.db
    .insertInto('case_suspects')
    .values({ case_id: caseId, submission_key: randomBytes(12).toString('hex'), ...s } as never)
    .execute()
}

beforeAll(async () => {
  registry = await createTestRegistry()
  analyst = (await registry.signedInAs('analyst')).client
  const agency = await insertPublicFixture(registry.db, {
    name: 'Figures Placement Agency',
    standing: 'licensed',
  })
  // A: opened and charged in the year, its two suspects ruled on: the agency convicted, a woman acquitted.
  const a = await insertCase({
    district: 'Maseru',
    reported: '2025-05-01',
    opened: '2025-05-10',
    offences: ['trafficking_labour', 'fraud'],
    charged: '2025-07-01',
    steps: [
      ['send_to_dpp', 'sent_to_dpp', '2025-06-01'],
      ['charge', 'charged', '2025-07-01'],
      ['record_verdict', 'verdict', '2026-01-10'],
    ],
  })
  await suspect(a, {
    kind: 'agency',
    agency_id: agency.agencyId,
    name: 'Figures Placement Agency',
    role: 'recruiter',
    verdict: 'convicted',
    verdict_on: '2026-01-10',
    fine_minor: 1_000_000,
  })
  await suspect(a, {
    kind: 'unlisted_recruiter',
    name: 'Palesa Secret-Name',
    role: 'organiser',
    sex: 'female',
    age_group: 'adult',
    nationality: 'LS',
    id_number: 'SECRET-ID-1',
    verdict: 'acquitted',
    verdict_on: '2026-01-10',
  })
  // B: opened and charged before the year, no verdict yet: a prosecution continuing.
  await insertCase({
    district: 'Leribe',
    reported: '2024-11-20',
    opened: '2024-12-01',
    offences: ['unlicensed_recruitment'],
    charged: '2025-02-01',
    steps: [
      ['send_to_dpp', 'sent_to_dpp', '2025-01-10'],
      ['charge', 'charged', '2025-02-01'],
    ],
  })
  // C: opened in the year, under investigation, a man and three women as victims.
  const c = await insertCase({
    district: 'Leribe',
    reported: '2025-08-25',
    opened: '2025-09-01',
    offences: ['trafficking_labour'],
  })
  await suspect(c, {
    kind: 'unlisted_recruiter',
    name: 'Hidden Man',
    role: 'transporter',
    sex: 'male',
    age_group: 'adult',
    nationality: 'ZA',
  })
  await registry.db
    .insertInto('case_victims')
    .values({
      case_id: c,
      sex: 'female',
      age_group: 'adult',
      nationality: 'LS',
      exploitation: 'forced_labour',
      people: 3,
      referred_nrm: 2,
      submission_key: randomBytes(12).toString('hex'),
    })
    .execute()
  // D: opened long before, still under investigation: more than 24 months old at the year's end.
  await insertCase({ district: 'Maseru', reported: '2022-12-20', opened: '2023-01-01', offences: ['other'] })
  // E: after the year: not counted in it.
  await insertCase({ district: 'Maseru', reported: '2026-05-01', opened: '2026-05-02', offences: ['fraud'] })
})
afterAll(() => registry.close())

type Row = Record<string, string | number | null>
async function json(query: string) {
  const res = await analyst.get(`/exports/tip-data.json?${query}`)
  expect(res.status).toBe(200)
  return (await res.json()) as {
    period: { start: string; end: string }
    law_enforcement: { fields: { name: string; meaning: string }[]; rows: Row[] }
    victims: { fields: { name: string }[]; rows: Row[] }
    rows: Row[]
  }
}
const national = (rows: Row[]) => rows.find((r) => r.district === 'Lesotho')!

describe('law-enforcement figures for a TIP reporting year', () => {
  it('count investigations, suspects, prosecutions, rulings, the backlog and the times, as worked out by hand', async () => {
    const data = await json(TIP_2026)
    expect(data.period).toEqual({ start: '2025-04-01', end: '2026-03-31' })
    expect(national(data.law_enforcement.rows)).toMatchObject({
      investigations_opened: 2,
      investigations_trafficking_labour: 2,
      investigations_fraud: 1,
      investigations_unlicensed_recruitment: 0,
      suspects_investigated: 3,
      suspects_female: 1,
      suspects_male: 1,
      suspects_legal_persons: 1,
      suspects_recruiters: 1,
      suspects_organisers: 1,
      suspects_transporters: 1,
      prosecutions_initiated: 1,
      prosecutions_continuing: 1,
      suspects_convicted: 1,
      suspects_acquitted: 1,
      backlog_under_investigation: 2,
      backlog_charged: 1,
      backlog_total: 3,
      backlog_over_6_months: 3,
      backlog_over_12_months: 2,
      backlog_over_24_months: 1,
      median_days_reported_to_charge: 61,
      verdicts_given: 1,
      median_days_charge_to_verdict: 193,
    })
    const leribe = data.law_enforcement.rows.find((r) => r.district === 'Leribe')!
    expect(leribe).toMatchObject({ investigations_opened: 1, prosecutions_continuing: 1, backlog_charged: 1 })
    // Every district has its row, and the country's is their sum.
    expect(data.law_enforcement.rows).toHaveLength(11)
    for (const field of data.law_enforcement.fields.filter((f) => f.name.startsWith('investigations_')))
      expect(
        data.law_enforcement.rows
          .filter((r) => r.district !== 'Lesotho')
          .reduce((a, r) => a + Number(r[field.name]), 0),
      ).toBe(national(data.law_enforcement.rows)[field.name])
  })

  it('count detected victims once and give SDG 16.2.2 per 100,000 people of the 2016 census', async () => {
    const data = await json(TIP_2026)
    expect(data.victims.rows.find((r) => r.district === 'Leribe')).toMatchObject({
      victims_female_18_and_over: 3,
      victims_total: 3,
      exploitation_forced_labour: 3,
      referred_through_nrm: 2,
      population_2016: 337_521,
      sdg_16_2_2_victims_per_100000: 0.89,
    })
    expect(national(data.victims.rows)).toMatchObject({
      victims_total: 3,
      population_2016: 2_007_201,
      sdg_16_2_2_victims_per_100000: 0.15,
    })
    // No name, ID number or nationality of a person leaves in the export.
    const text = JSON.stringify(data)
    for (const secret of ['Palesa', 'SECRET-ID-1', 'Hidden Man']) expect(text).not.toContain(secret)
  })

  it('suppress counts under 5 and whatever would give them away, in the CSV and the JSON', async () => {
    const data = await json(`${TIP_2026}&suppress_below=5`)
    for (const table of [data.law_enforcement, data.victims])
      for (const row of table.rows)
        for (const [name, value] of Object.entries(row))
          if (typeof value === 'number' && !name.startsWith('population') && !name.startsWith('sdg'))
            expect(value === 0 || value >= 5, `${row.district} ${name} = ${value}`).toBe(true)
    const maseru = data.law_enforcement.rows.find((r) => r.district === 'Maseru')!
    expect(maseru.investigations_opened).toBe('<5')
    // The median is built on one case: hidden with it.
    expect(maseru.median_days_reported_to_charge).toBe('suppressed')
    expect(data.victims.rows.find((r) => r.district === 'Leribe')!.sdg_16_2_2_victims_per_100000).toBe(
      'suppressed',
    )
    const csv = await (await analyst.get(`/exports/tip-victims.csv?${TIP_2026}&suppress_below=5`)).text()
    expect(csv).toContain('<5')
    expect((await analyst.get(`/exports/tip-law-enforcement.csv?${TIP_2026}&suppress_below=1`)).status).toBe(
      422,
    )
  })

  it('gives one row per case opened in the period, counts and categories only', async () => {
    const res = await analyst.get(`/exports/cases.csv?${TIP_2026}`)
    expect(res.status).toBe(200)
    const csv = (await res.text()).replace(/^\uFEFF/, '')
    const [header, ...rows] = csv.trim().split('\r\n')
    expect(header).toContain('cas_Status')
    expect(header).toContain('per_RoleInProcess_RecruiterOrIntermediary')
    expect(rows).toHaveLength(2)
    const fields = header!.split(',')
    const a = Object.fromEntries(rows[0]!.split(',').map((v, i) => [fields[i], v]))
    expect(a).toMatchObject({
      district: 'Maseru',
      cas_Status: 'Active',
      stage: 'verdict',
      cas_IncomingReferralDate: '2025-05-01',
      charged_on: '2025-07-01',
      verdict_on: '2026-01-10',
      suspects: '2',
      prs_Gender_Female: '1',
      suspects_legal_persons: '1',
      suspects_convicted: '1',
    })
    for (const secret of ['Palesa', 'SECRET-ID-1', 'Hidden Man', 'Figures Placement', 'CRI/'])
      expect(csv).not.toContain(secret)
  })

  it('shows the figures on the dashboard for the year chosen', async () => {
    const page = await analyst.get(`/dashboard?${TIP_2026}`)
    expect(page.status).toBe(200)
    const text = (await page.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
    expect(text).toContain('From 1 April 2025 to 31 March 2026')
    expect(text).toMatch(/Criminal cases by district .* Lesotho 2 3 1 1 1 1 0/)
    expect(text).toMatch(/Open more than 24 months 1/)
    expect(text).toContain('Trafficking in persons for labour exploitation 2 1 1 1')
    expect(text).toContain('Fraud 1 1 1 1')
    expect(text).toContain('Victims: forced labour 1 0 0 0')
    expect(text).toMatch(/Offence reported Charge 61 1/)
    expect(text).toContain('Detected potential victims per 100,000 people (SDG 16.2.2)')
    expect((await analyst.get('/dashboard?period=tip-26')).status).toBe(422)
  })
})
