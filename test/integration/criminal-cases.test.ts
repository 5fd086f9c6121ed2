import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, todayInLesotho } from '../../src/time.js'
import type { District } from '../../src/vocabulary.js'
import { insertPublicFixture } from '../support/public-fixtures.js'
import { createTestRegistry, TestClient } from '../support/registry.js'

// Criminal cases end to end: the police open and investigate them in their district, the
// prosecutor charges them; every step is dated, audited, and refused when stale or out of turn.

let registry: Awaited<ReturnType<typeof createTestRegistry>>
let police: TestClient
let prosecutor: TestClient
beforeAll(async () => {
  registry = await createTestRegistry()
  police = await signIn('police_officer', 'Maseru')
  prosecutor = (await registry.signedInAs('prosecutor')).client
})
afterAll(() => registry.close())

async function signIn(role: 'police_officer' | 'prosecutor' | 'analyst', district: District) {
  const account = await registry.createUser(role, { district })
  const client = new TestClient(registry.app)
  const res = await client.post('/login', { email: account.email, password: account.password })
  expect(res.status).toBe(303)
  return client
}

const words = async (res: Response) =>
  (await res.text())
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ')
const key = () => randomBytes(16).toString('base64url')
let nextNumber = 100

function caseForm(overrides: Record<string, string | string[]> = {}) {
  nextNumber += 1
  return {
    station: 'Maseru Central',
    case_number: String(nextNumber),
    case_year: todayInLesotho().slice(0, 4),
    district: 'Maseru',
    investigating_officer: 'Detective Sergeant M. Lebona',
    offences: ['trafficking_labour', 'fraud'],
    reported_on: addDays(todayInLesotho(), -20),
    opened_on: addDays(todayInLesotho(), -18),
    submission_key: key(),
    ...overrides,
  }
}

async function openCase(overrides: Record<string, string | string[]> = {}) {
  const res = await police.post('/cases', caseForm(overrides))
  expect(res.status).toBe(303)
  return res.headers.get('location')!.replace(/\?.*$/, '').replace('/cases/', '')
}

async function version(id: string) {
  const row = await registry.db
    .selectFrom('criminal_cases')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return String(row.version)
}

describe('opening a case', () => {
  it('opens a case under investigation, with its event and audit entry', async () => {
    const form = caseForm()
    const res = await police.post('/cases', form)
    expect(res.status).toBe(303)
    const page = await words(await police.get(res.headers.get('location')!))
    expect(page).toContain(`Criminal case Maseru Central CR ${form.case_number}/${form.case_year}`)
    expect(page).toContain('The criminal case has been opened')
    expect(page).toContain('Under investigation')
    expect(page).toContain('Trafficking in persons for labour exploitation; Fraud')
    expect(page).toContain('Investigation opened')
    const id = res.headers.get('location')!.replace(/\?.*$/, '').replace('/cases/', '')
    const audit = await registry.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['criminal_case.opened'])
  })

  it('opens it once however often the form is sent', async () => {
    const form = caseForm()
    const first = await police.post('/cases', form)
    const again = await police.post('/cases', form)
    expect(again.status).toBe(303)
    expect(again.headers.get('location')!.replace(/\?.*$/, '')).toBe(
      first.headers.get('location')!.replace(/\?.*$/, ''),
    )
    const rows = await registry.db
      .selectFrom('criminal_cases')
      .select('id')
      .where('submission_key', '=', form.submission_key)
      .execute()
    expect(rows).toHaveLength(1)
  })

  it('refuses a case number already in the registry, naming that case, keeping what was typed', async () => {
    const form = caseForm()
    const id = await openCase(form)
    const res = await police.post('/cases', {
      ...form,
      submission_key: key(),
      investigating_officer: 'Inspector T. Mokoena',
    })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('This case number is already in the registry')
    expect(html).toContain(`href="/cases/${id}"`)
    expect(html).toContain('value="Inspector T. Mokoena"')
  })

  it('explains each wrong field, keeping what was typed, and stores nothing', async () => {
    const form = caseForm({
      station: '',
      case_year: '26',
      offences: [],
      reported_on: addDays(todayInLesotho(), 2),
      opened_on: addDays(todayInLesotho(), -30),
      investigating_officer: 'Constable <b>Ntho</b>',
    })
    const res = await police.post('/cases', form)
    expect(res.status).toBe(422)
    const text = await words(res)
    expect(text).toContain('Enter the police station')
    expect(text).toContain('Enter the year as four digits')
    expect(text).toContain('Choose at least one offence')
    expect(text).toContain('The date cannot be in the future')
    const html = await police.post('/cases', form).then((r) => r.text())
    expect(html).toContain('value="Constable &lt;b&gt;Ntho&lt;/b&gt;"')
    const stored = await registry.db
      .selectFrom('criminal_cases')
      .select('id')
      .where('submission_key', '=', form.submission_key)
      .execute()
    expect(stored).toHaveLength(0)
  })

  it('carries over the case number of a complaint referred to the police, and links the two', async () => {
    const fixture = await insertPublicFixture(registry.db, { name: 'Qacha Fast Jobs', standing: 'licensed' })
    const complaint = await registry.db
      .insertInto('complaints')
      .values({
        reference: `C-${randomBytes(4).toString('hex').toUpperCase()}`,
        agency_id: fixture.agencyId,
        categories: ['deception'],
        description: 'Promised work in Bloemfontein that did not exist.',
        district: 'Quthing',
        police_case_number: 'CR 57/11/2026',
        language: 'en',
        submission_key: key(),
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow()
    const page = await police.get(`/cases/new?complaint=${complaint.id}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('CR 57/11/2026')
    expect(html).toMatch(/name="case_number"[^>]*value="57"|value="57"[^>]*name="case_number"/)
    expect(html).toMatch(/name="case_year"[^>]*value="2026"|value="2026"[^>]*name="case_year"/)
    const id = await openCase({
      complaint_id: complaint.id,
      station: 'Quthing',
      case_number: '57',
      case_year: '2026',
      district: 'Quthing',
    })
    const casePage = await words(await police.get(`/cases/${id}`))
    expect(casePage).toMatch(/Opened from Complaint C-/)
    const again = await words(await police.get(`/cases/new?complaint=${complaint.id}`))
    expect(again).toContain('A case has already been opened from this complaint')
    expect((await police.get(`/cases/new?complaint=${crypto.randomUUID()}`)).status).toBe(404)
    // A second source slipped into the form is not linked (and an unknown one is no 500).
    const both = await police.post(
      '/cases',
      caseForm({ complaint_id: complaint.id, inspection_id: crypto.randomUUID() }),
    )
    expect(both.status).toBe(303)
    const linked = await registry.db
      .selectFrom('criminal_cases')
      .select(['complaint_id', 'inspection_id'])
      .where('id', '=', both.headers.get('location')!.replace(/\?.*$/, '').replace('/cases/', ''))
      .executeTakeFirstOrThrow()
    expect(linked).toEqual({ complaint_id: complaint.id, inspection_id: null })
  })
})

describe('the steps of a case', () => {
  it('goes from the police to the DPP to the court, in order, each step in its history', async () => {
    const id = await openCase()
    // The prosecutor cannot charge what the police have not sent: the case says why.
    const notYet = await prosecutor.get(`/cases/${id}/charge`)
    expect(notYet.status).toBe(409)
    expect(await words(notYet)).toContain('The police have not sent this case to the DPP yet.')
    const sent = await police.post(`/cases/${id}/send_to_dpp`, {
      version: await version(id),
      on_date: addDays(todayInLesotho(), -5),
    })
    expect(sent.status).toBe(303)
    const home = await words(await prosecutor.get('/staff'))
    expect(home).toContain('Cases sent to the DPP, not yet charged')
    expect(home).toMatch(/Maseru Central CR \d+\/\d{4} ?, Maseru: with the DPP since .* \(5 days\)/)
    const added = await prosecutor.post(`/cases/${id}/suspects/new`, {
      version: await version(id),
      submission_key: key(),
      kind: 'employer',
      name: 'Ficksburg Orchards (Pty) Ltd',
      role: 'exploiter',
    })
    expect(added.status).toBe(303)
    const charged = await prosecutor.post(`/cases/${id}/charge`, {
      version: await version(id),
      on_date: addDays(todayInLesotho(), -1),
      court: 'Maseru Magistrate’s Court',
      court_case_number: 'CRI/T/0412/2026',
    })
    expect(charged.status).toBe(303)
    const page = await words(await prosecutor.get(`/cases/${id}?done=charge`))
    expect(page).toContain('Charged in court since')
    expect(page).toContain('Maseru Magistrate’s Court, case CRI/T/0412/2026')
    expect(page).toContain('Sent to the Director of Public Prosecutions')
    const events = await registry.db
      .selectFrom('criminal_case_events')
      .select(['action', 'to_stage'])
      .where('case_id', '=', id)
      .orderBy('id')
      .execute()
    expect(events).toEqual([
      { action: 'open', to_stage: 'under_investigation' },
      { action: 'send_to_dpp', to_stage: 'sent_to_dpp' },
      { action: 'charge', to_stage: 'charged' },
    ])
    // A verdict needs the court's ruling on each suspect charged.
    const verdict = await prosecutor.post(`/cases/${id}/record_verdict`, {
      version: await version(id),
      on_date: todayInLesotho(),
    })
    expect(verdict.status).toBe(409)
    expect(await words(verdict)).toContain('Give the court’s ruling for every suspect charged first')
  })

  it('asks for a reason to close without charge, and keeps it', async () => {
    const id = await openCase()
    const bare = await police.post(`/cases/${id}/close_without_charge`, {
      version: await version(id),
      on_date: todayInLesotho(),
      reason: '  ',
    })
    expect(bare.status).toBe(422)
    expect(await words(bare)).toContain('Enter the reason')
    const closed = await police.post(`/cases/${id}/close_without_charge`, {
      version: await version(id),
      on_date: todayInLesotho(),
      reason: 'The complainant withdrew and no other witness came forward.',
    })
    expect(closed.status).toBe(303)
    const page = await words(await police.get(`/cases/${id}`))
    expect(page).toContain('Closed')
    expect(page).toContain('The complainant withdrew and no other witness came forward.')
    // A closed case offers no step, and refuses one sent anyway.
    expect(page).not.toContain('Send to the Director of Public Prosecutions')
    const late = await police.post(`/cases/${id}/send_to_dpp`, {
      version: await version(id),
      on_date: todayInLesotho(),
    })
    expect(late.status).toBe(409)
  })

  it('answers a stale page with 409 and saves nothing', async () => {
    const id = await openCase()
    const seen = await version(id)
    await police.post(`/cases/${id}/send_to_dpp`, { version: seen, on_date: todayInLesotho() })
    const stale = await police.post(`/cases/${id}/send_to_dpp`, { version: seen, on_date: todayInLesotho() })
    expect(stale.status).toBe(409)
    expect(await words(stale)).toContain('Nothing you submitted was saved')
    const events = await registry.db
      .selectFrom('criminal_case_events')
      .select('id')
      .where('case_id', '=', id)
      .execute()
    expect(events).toHaveLength(2)
  })

  it('refuses a date before the case reached its stage, or in the future', async () => {
    const id = await openCase()
    const future = await police.post(`/cases/${id}/send_to_dpp`, {
      version: await version(id),
      on_date: addDays(todayInLesotho(), 1),
    })
    expect(future.status).toBe(422)
    expect(await words(future)).toContain('The date cannot be in the future')
    const early = await police.post(`/cases/${id}/send_to_dpp`, {
      version: await version(id),
      on_date: addDays(todayInLesotho(), -40),
    })
    expect(early.status).toBe(422)
    expect(await words(early)).toContain('The date cannot be before the case reached its present stage, on')
  })

  it('lets police elsewhere read a case but not investigate it', async () => {
    const id = await openCase()
    const leribe = await signIn('police_officer', 'Leribe')
    const page = await leribe.get(`/cases/${id}`)
    expect(page.status).toBe(200)
    expect(await words(page)).not.toContain('Send to the Director of Public Prosecutions')
    expect((await leribe.get(`/cases/${id}/send_to_dpp`)).status).toBe(403)
    const sent = await leribe.post(`/cases/${id}/send_to_dpp`, {
      version: await version(id),
      on_date: todayInLesotho(),
    })
    expect(sent.status).toBe(409)
    expect(await words(sent)).toContain('Only a police officer of Maseru sends its cases to the DPP')
    expect(await version(id)).toBe('1')
  })

  it('gives 404 for a case that does not exist, and 403 to an analyst', async () => {
    expect((await police.get(`/cases/${crypto.randomUUID()}`)).status).toBe(404)
    expect((await police.get('/cases/not-a-case')).status).toBe(404)
    const analyst = await signIn('analyst', 'Maseru')
    expect((await analyst.get('/cases')).status).toBe(403)
  })
})

describe('the list of cases', () => {
  it('filters by district, stage, offence and age, longest waiting first', async () => {
    const old = await openCase({
      station: 'Mafeteng',
      district: 'Mafeteng',
      offences: ['unlicensed_recruitment'],
      reported_on: addDays(todayInLesotho(), -400),
      opened_on: addDays(todayInLesotho(), -400),
    })
    const recent = await openCase({
      station: 'Mafeteng',
      district: 'Mafeteng',
      offences: ['unlicensed_recruitment'],
      reported_on: addDays(todayInLesotho(), -3),
      opened_on: addDays(todayInLesotho(), -3),
    })
    const listed = await police.get('/cases?district=Mafeteng&offence=unlicensed_recruitment')
    const html = await listed.text()
    expect(html.indexOf(`/cases/${old}`)).toBeGreaterThan(-1)
    expect(html.indexOf(`/cases/${old}`)).toBeLessThan(html.indexOf(`/cases/${recent}`))
    expect(
      await words(await police.get('/cases?district=Mafeteng&offence=unlicensed_recruitment')),
    ).toContain('400 days')
    const aged = await police.get('/cases?district=Mafeteng&age=12')
    const agedHtml = await aged.text()
    expect(agedHtml).toContain(`/cases/${old}`)
    expect(agedHtml).not.toContain(`/cases/${recent}`)
    const none = await police.get('/cases?district=Mafeteng&stage=charged')
    expect(await words(none)).toContain('No case matches these filters')
    const bad = await police.get('/cases?stage=finished')
    expect(bad.status).toBe(422)
    expect(await words(bad)).toContain('Select a stage from the list')
  })
})

describe('cases opened from an inspection', () => {
  it('lists the inspection among referrals without a case, then links the case on its page', async () => {
    const officer = await registry.createUser('inspector')
    const worksite = await registry.db
      .insertInto('worksites')
      .values({
        name: 'Ha Mabote Garment Works',
        kind: 'factory',
        sector: 'manufacturing',
        district: 'Maseru',
        village: 'Ha Mabote',
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow()
    const inspection = await registry.db
      .insertInto('inspections')
      .values({
        worksite_id: worksite.id,
        status: 'submitted',
        visited_at: new Date(),
        type: 'joint_operation',
        lead_inspector: 'Inspector P. Mothibi',
        recorded_by: officer.user.id,
        submitted_by: officer.user.id,
        outcome: 'criminal_investigation',
        police_case_number: 'CR 88/12/2026',
        submitted_at: new Date(),
        idempotency_key: key(),
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow()
    const before = await police.get('/cases/new')
    expect(await before.text()).toContain(`/cases/new?inspection=${inspection.id}`)
    const form = await police.get(`/cases/new?inspection=${inspection.id}`)
    expect(await words(form)).toContain('which gave the police case number CR 88/12/2026')
    const id = await openCase({ inspection_id: inspection.id, case_number: '88', case_year: '2026' })
    const page = await words(await police.get(`/inspections/${inspection.id}`))
    expect(page).toMatch(/Criminal case Maseru Central CR 88\/2026 ?: Under investigation/)
    expect(await (await police.get('/cases/new')).text()).not.toContain(
      `/cases/new?inspection=${inspection.id}`,
    )
    expect(await words(await police.get(`/cases/${id}`))).toContain(
      'Opened from Inspection of Ha Mabote Garment Works',
    )
  })
})

describe('suspects, victims and verdicts', () => {
  async function suspect(id: string, form: Record<string, string>, client = police) {
    return client.post(`/cases/${id}/suspects/new`, {
      version: await version(id),
      submission_key: key(),
      ...form,
    })
  }

  it('adds an agency, a person of it and an unlisted recruiter; counts victims without names', async () => {
    const agency = await insertPublicFixture(registry.db, {
      name: 'Mohale Overseas Recruiting',
      standing: 'licensed',
    })
    const id = await openCase()
    expect(
      (await suspect(id, { kind: 'agency', agency: agency.licenceNumber!.toLowerCase(), role: 'recruiter' }))
        .status,
    ).toBe(303)
    const person = await suspect(id, {
      kind: 'agency_person',
      agency: 'Mohale Overseas Recruiting',
      agency_link: 'staff',
      name: 'Teboho Ramakatsa',
      role: 'recruiter',
      sex: 'male',
      age_group: 'adult',
      nationality: 'LS',
      id_number: '0123456789',
    })
    expect(person.status).toBe(303)
    const form = {
      kind: 'unlisted_recruiter',
      name: 'Mme Lerato',
      role: 'transporter',
      sex: 'female',
      age_group: 'adult',
      nationality: 'ZA',
    }
    const keyed = { version: await version(id), submission_key: key(), ...form }
    expect((await police.post(`/cases/${id}/suspects/new`, keyed)).status).toBe(303)
    // Sent again (a slow network): one suspect.
    expect((await police.post(`/cases/${id}/suspects/new`, keyed)).status).toBe(303)
    const victims = await police.post(`/cases/${id}/victims/new`, {
      version: await version(id),
      submission_key: key(),
      people: '12',
      sex: 'female',
      age_group: 'adult',
      nationality: 'LS',
      exploitation: 'forced_labour',
      referred_nrm: '9',
    })
    expect(victims.status).toBe(303)
    const page = await words(await police.get(`/cases/${id}`))
    expect(page).toContain('Mohale Overseas Recruiting Registered agency')
    expect(page).toContain('Teboho Ramakatsa Staff of Mohale Overseas Recruiting')
    expect(page).toContain('Male, Adult (18 or over), Lesotho')
    expect(page).toContain('0123456789')
    expect(page).toContain('Mme Lerato')
    expect(page).toContain('Female, Adult (18 or over), South Africa')
    expect(page).toContain('12 Female Adult (18 or over) Lesotho Forced labour 9')
    const rows = await registry.db
      .selectFrom('case_suspects')
      .select('kind')
      .where('case_id', '=', id)
      .execute()
    expect(rows.map((r) => r.kind).sort()).toEqual(['agency', 'agency_person', 'unlisted_recruiter'])
  })

  it('explains what a suspect or a group lacks, keeping what was typed', async () => {
    const id = await openCase()
    const noRole = await suspect(id, {
      kind: 'agency_person',
      agency: 'No Such Agency Ltd',
      role: '',
      name: 'Palesa',
    })
    expect(noRole.status).toBe(422)
    // Everything the kind of suspect needs is said at once, not in rounds.
    const first = await words(noRole)
    for (const message of [
      'Choose the suspect’s role',
      'Choose how the person is linked to the agency',
      'Choose the sex, or “Not known”',
    ])
      expect(first).toContain(message)
    // An employer has no nationality to give: a blank one is no error.
    const employer = await suspect(id, {
      kind: 'employer',
      name: 'Ficksburg Orchards',
      role: 'exploiter',
      nationality: '',
      sex: '',
      age_group: '',
    })
    expect(employer.status).toBe(303)
    const res = await suspect(id, {
      kind: 'agency_person',
      agency: 'No Such Agency Ltd',
      role: 'recruiter',
      name: 'Palesa',
    })
    expect(res.status).toBe(422)
    const text = await words(res)
    expect(text).toContain('Choose how the person is linked to the agency')
    expect(text).toContain('Choose the sex, or “Not known”')
    expect(text).toContain('Choose the nationality, or “Not known”')
    const unknownAgency = await suspect(id, {
      kind: 'agency',
      agency: 'No Such Agency Ltd',
      role: 'recruiter',
    })
    expect(unknownAgency.status).toBe(422)
    const html = await unknownAgency.text()
    expect(html).toContain('No agency has this licence number, registration number or registered name')
    expect(html).toContain('value="No Such Agency Ltd"')
    const group = await police.post(`/cases/${id}/victims/new`, {
      version: await version(id),
      submission_key: key(),
      people: '3',
      sex: 'male',
      age_group: 'under_18',
      nationality: 'LS',
      exploitation: 'forced_labour',
      referred_nrm: '5',
    })
    expect(group.status).toBe(422)
    expect(await words(group)).toContain('Cannot be more than the people in this group')
    expect(
      await registry.db.selectFrom('case_victims').select('id').where('case_id', '=', id).execute(),
    ).toEqual([])
  })

  it('charges only with a suspect, rules on each, then gives the verdict; an appeal overturns a conviction', async () => {
    const agency = await insertPublicFixture(registry.db, {
      name: 'Semonkong Labour Brokers',
      standing: 'licensed',
    })
    const id = await openCase()
    await police.post(`/cases/${id}/send_to_dpp`, {
      version: await version(id),
      on_date: addDays(todayInLesotho(), -10),
    })
    const early = await prosecutor.post(`/cases/${id}/charge`, {
      version: await version(id),
      on_date: addDays(todayInLesotho(), -9),
      court: 'Maseru Magistrate’s Court',
      court_case_number: 'CRI/T/1/2026',
    })
    expect(early.status).toBe(409)
    expect(await words(early)).toContain('Add the suspects charged first')
    expect(
      (await suspect(id, { kind: 'agency', agency: agency.licenceNumber!, role: 'recruiter' }, prosecutor))
        .status,
    ).toBe(303)
    const director = await suspect(
      id,
      {
        kind: 'unlisted_recruiter',
        name: 'Ntate Mokhele',
        role: 'organiser',
        sex: 'male',
        age_group: 'adult',
        nationality: 'LS',
        id_number: '999888777',
      },
      prosecutor,
    )
    expect(director.status).toBe(303)
    await prosecutor.post(`/cases/${id}/charge`, {
      version: await version(id),
      on_date: addDays(todayInLesotho(), -8),
      court: 'Maseru Magistrate’s Court',
      court_case_number: 'CRI/T/2/2026',
    })
    const [agencySuspect, personSuspect] = await registry.db
      .selectFrom('case_suspects')
      .select(['id', 'kind'])
      .where('case_id', '=', id)
      .orderBy('created_at')
      .execute()
    // Police no longer add suspects once it is charged.
    expect((await police.get(`/cases/${id}/suspects/new`)).status).toBe(403)
    const noSentence = await prosecutor.post(`/cases/${id}/suspects/${agencySuspect!.id}/verdict`, {
      version: await version(id),
      verdict: 'convicted',
      verdict_on: addDays(todayInLesotho(), -2),
    })
    expect(noSentence.status).toBe(422)
    expect(await words(noSentence)).toContain('Enter the sentence: a prison term, a fine, or both')
    const fined = await prosecutor.post(`/cases/${id}/suspects/${agencySuspect!.id}/verdict`, {
      version: await version(id),
      verdict: 'convicted',
      verdict_on: addDays(todayInLesotho(), -2),
      fine: '50,000',
    })
    expect(fined.status).toBe(303)
    // Not every suspect has a ruling yet.
    const tooSoon = await prosecutor.post(`/cases/${id}/record_verdict`, {
      version: await version(id),
      on_date: todayInLesotho(),
    })
    expect(tooSoon.status).toBe(409)
    const jailed = await prosecutor.post(`/cases/${id}/suspects/${personSuspect!.id}/verdict`, {
      version: await version(id),
      verdict: 'convicted',
      verdict_on: addDays(todayInLesotho(), -2),
      prison_months: '36',
      prison_suspended: 'yes',
    })
    expect(jailed.status).toBe(303)
    expect(
      (
        await prosecutor.post(`/cases/${id}/record_verdict`, {
          version: await version(id),
          on_date: todayInLesotho(),
        })
      ).status,
    ).toBe(303)
    let page = await words(await prosecutor.get(`/cases/${id}`))
    expect(page).toContain('Verdict given')
    expect(page).toMatch(/Convicted on .*: a fine of M\s?50,000\.00/)
    expect(page).toContain('36 months in prison (suspended)')
    const appeal = await prosecutor.post(`/cases/${id}/suspects/${agencySuspect!.id}/overturn`, {
      version: await version(id),
      overturned_on: todayInLesotho(),
      reason: 'High Court, CRI/A/7/2026: conviction set aside.',
    })
    expect(appeal.status).toBe(303)
    page = await words(await prosecutor.get(`/cases/${id}`))
    expect(page).toContain('overturned on appeal on')
    const audit = await registry.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual([
      'criminal_case.opened',
      'criminal_case.send_to_dpp',
      'criminal_case.suspect_added',
      'criminal_case.suspect_added',
      'criminal_case.charge',
      'criminal_case.suspect_verdict',
      'criminal_case.suspect_verdict',
      'criminal_case.record_verdict',
      'criminal_case.conviction_overturned',
    ])
  })

  it('names an agency by licence, registration number or a name only it has, and once per case', async () => {
    const a = await insertPublicFixture(registry.db, { name: 'Twin Name Recruiters', standing: 'licensed' })
    await insertPublicFixture(registry.db, { name: 'Twin Name Recruiters', standing: 'pending' })
    const id = await openCase()
    const byName = await suspect(id, { kind: 'agency', agency: 'twin name recruiters', role: 'recruiter' })
    expect(byName.status).toBe(422)
    expect(await words(byName)).toContain(
      'Several agencies have this name: give its licence number or registration number instead',
    )
    expect((await suspect(id, { kind: 'agency', agency: a.licenceNumber!, role: 'recruiter' })).status).toBe(
      303,
    )
    const twice = await suspect(id, { kind: 'agency', agency: a.licenceNumber!, role: 'exploiter' })
    expect(twice.status).toBe(422)
    expect(await words(twice)).toContain('This agency is already a suspect in this case')
  })

  it('finds a case by its number as written elsewhere, month included', async () => {
    const id = await openCase({ station: 'Maputsoe', case_number: '358', case_year: '2026' })
    for (const q of ['CR 358/09/2026', 'Maputsoe 358', '358/2026', 'maputsoe'])
      expect(await (await police.get(`/cases?q=${encodeURIComponent(q)}`)).text(), q).toContain(
        `/cases/${id}`,
      )
    expect(await (await police.get('/cases?q=CR%20359/09/2026')).text()).not.toContain(`/cases/${id}`)
  })

  it('answers a suspect added from a stale page with 409', async () => {
    const id = await openCase()
    const seen = await version(id)
    await police.post(`/cases/${id}/send_to_dpp`, { version: seen, on_date: todayInLesotho() })
    const stale = await police.post(`/cases/${id}/suspects/new`, {
      version: seen,
      submission_key: key(),
      kind: 'employer',
      name: 'Ficksburg Orchards',
      role: 'exploiter',
    })
    expect(stale.status).toBe(409)
    expect(
      await registry.db.selectFrom('case_suspects').select('id').where('case_id', '=', id).execute(),
    ).toEqual([])
  })
})

describe('what a conviction means for an agency', () => {
  it('shows on its pages, public and staff, without suspects’ names to the licensing office, and bars the person; an appeal undoes it', async () => {
    const agency = await insertPublicFixture(registry.db, {
      name: 'Thaba-Tseka Gold Placements',
      standing: 'licensed',
    })
    await registry.db
      .insertInto('agency_people')
      .values({
        agency_id: agency.agencyId,
        role: 'director',
        name: 'Rethabile Sello',
        id_number: 'RS 778 899',
        id_number_key: 'RS778899',
      })
      .execute()
    const id = await openCase()
    // A director the register does not list for the agency is refused, with the way out.
    const unlisted = await police.post(`/cases/${id}/suspects/new`, {
      version: await version(id),
      submission_key: key(),
      kind: 'agency_person',
      agency: agency.licenceNumber!,
      agency_link: 'director',
      name: 'Someone Else',
      role: 'organiser',
      sex: 'male',
      age_group: 'adult',
      nationality: 'LS',
    })
    expect(unlisted.status).toBe(422)
    expect(await words(unlisted)).toContain(
      'The register lists no director of Thaba-Tseka Gold Placements with this name',
    )
    const add = async (form: Record<string, string>) =>
      expect(
        (
          await police.post(`/cases/${id}/suspects/new`, {
            version: await version(id),
            submission_key: key(),
            ...form,
          })
        ).status,
      ).toBe(303)
    await add({ kind: 'agency', agency: agency.licenceNumber!, role: 'recruiter' })
    await add({
      kind: 'agency_person',
      agency: agency.licenceNumber!,
      agency_link: 'director',
      name: 'Rethabile Sello',
      role: 'organiser',
      sex: 'female',
      age_group: 'adult',
      nationality: 'LS',
      id_number: 'RS 778 899',
    })
    const officer = await registry.signedInAs('licensing_officer')
    // Before any ruling: the licensing office sees the case and its stage, no names.
    let agencyPage = await words(await officer.client.get(`/agencies/${agency.agencyId}`))
    expect(agencyPage).toContain('Criminal cases')
    expect(agencyPage).toMatch(/Maseru Central CR \d+\/\d{4} The agency Under investigation/)
    expect(agencyPage).toContain('A director of the agency')
    // The cases section says who is named by their link to the agency, never by name or ID.
    const casesSection = async () => {
      const html = await (await officer.client.get(`/agencies/${agency.agencyId}`)).text()
      const start = html.indexOf('id="agency-cases-title"')
      return html.slice(start, html.indexOf('</section>', start))
    }
    for (const secret of ['Rethabile', 'RS 778 899', 'RS778899'])
      expect(await casesSection()).not.toContain(secret)
    expect(agencyPage).not.toContain('Convicted of a recruitment offence')

    await police.post(`/cases/${id}/send_to_dpp`, {
      version: await version(id),
      on_date: addDays(todayInLesotho(), -6),
    })
    await prosecutor.post(`/cases/${id}/charge`, {
      version: await version(id),
      on_date: addDays(todayInLesotho(), -5),
      court: 'Maseru Magistrate’s Court',
      court_case_number: 'CRI/T/77/2026',
    })
    const suspects = await registry.db
      .selectFrom('case_suspects')
      .select(['id', 'kind'])
      .where('case_id', '=', id)
      .orderBy('created_at')
      .execute()
    const convictedOn = addDays(todayInLesotho(), -1)
    for (const s of suspects)
      expect(
        (
          await prosecutor.post(`/cases/${id}/suspects/${s.id}/verdict`, {
            version: await version(id),
            verdict: 'convicted',
            verdict_on: convictedOn,
            fine: '20000',
          })
        ).status,
      ).toBe(303)

    const verify = await words(await new TestClient(registry.app).get(`/verify/${agency.licenceNumber}`))
    expect(verify).toContain('Convicted by a court of a recruitment offence on')
    const sesotho = await words(
      await new TestClient(registry.app).get(`/verify/${agency.licenceNumber}?lang=st`),
    )
    expect(sesotho).toContain('Lekhotla le mo fumane a le molato')
    const lookup = await words(await new TestClient(registry.app).get('/lookup?q=Thaba-Tseka Gold'))
    expect(lookup).toContain('Convicted by a court of a recruitment offence on')
    expect(lookup).not.toContain('Rethabile')
    const api = await (
      await new TestClient(registry.app).get(`/api/v1/licences/${agency.licenceNumber}`)
    ).json()
    expect(api.convicted_on).toBe(convictedOn)
    expect(JSON.stringify(api)).not.toContain('Rethabile')

    agencyPage = await words(await officer.client.get(`/agencies/${agency.agencyId}`))
    expect(agencyPage).toContain('Convicted of a recruitment offence')
    expect(agencyPage).toContain('The agency, on')
    expect(agencyPage).toContain('A director of the agency, on')
    expect(await casesSection()).not.toContain('Rethabile')
    const licensing = await words(await officer.client.get('/licensing'))
    expect(licensing).toMatch(
      /Convicted of a recruitment offence .*Thaba-Tseka Gold Placements .* The agency and a principal or director ?, latest on/,
    )
    const analyst = await signIn('analyst', 'Maseru')
    const analystPage = await words(await analyst.get(`/agencies/${agency.agencyId}`))
    expect(analystPage).not.toContain('Criminal cases naming this agency')

    // The convicted director cannot be in a new agency.
    const barred = await officer.client.post('/agencies', {
      legal_name: 'Fresh Start Recruitment',
      trading_names: '',
      registration_number: `2026/C${randomBytes(3).toString('hex')}`,
      district: 'Maseru',
      physical_address: 'Plot 3, Kingsway, Maseru',
      phone: '+266 5800 7777',
      email: '',
      sectors: ['mining'],
      destination_countries: ['ZA'],
      notes: '',
      person_role: ['principal'],
      person_name: ['R. Sello'],
      person_id_number: ['rs778899'],
    })
    expect(barred.status).toBe(422)
    expect(await words(barred)).toMatch(
      /R\. Sello was convicted of a recruitment offence on .* \(criminal case Maseru Central CR \d+\/\d{4}\) ?: barred until/,
    )

    // Overturned on appeal: gone from the public page at once.
    const agencySuspect = suspects.find((s) => s.kind === 'agency')!
    expect(
      (
        await prosecutor.post(`/cases/${id}/suspects/${agencySuspect.id}/overturn`, {
          version: await version(id),
          overturned_on: todayInLesotho(),
          reason: 'High Court: conviction set aside.',
        })
      ).status,
    ).toBe(303)
    const after = await words(await new TestClient(registry.app).get(`/verify/${agency.licenceNumber}`))
    expect(after).not.toContain('Convicted by a court')
    agencyPage = await words(await officer.client.get(`/agencies/${agency.agencyId}`))
    expect(agencyPage).not.toContain('The agency, on')
    expect(agencyPage).toContain('A director of the agency, on')
  })
})
