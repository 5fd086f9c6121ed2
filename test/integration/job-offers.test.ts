import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dammDigit, formatOfferCode } from '../../src/job-offers/code.js'
import { addDays, todayInLesotho } from '../../src/time.js'
import { insertPublicFixture } from '../support/public-fixtures.js'
import { createTestRegistry } from '../support/registry.js'

// Job offers end to end: the licensing office records and decides them; a worker checks the
// code on the web (English and Sesotho), as JSON, by USSD and in the open-offers CSV.

let registry: Awaited<ReturnType<typeof createTestRegistry>>
let officer: Awaited<ReturnType<typeof registry.signedInAs>>
beforeAll(async () => {
  registry = await createTestRegistry()
  officer = await registry.signedInAs('licensing_officer')
})
afterAll(() => registry.close())

const words = async (res: Response) =>
  (await res.text())
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ')
const today = () => todayInLesotho()

const offerForm = (key: string, overrides: Record<string, string> = {}) => ({
  employer_name: 'Wepener Fruit Farms (Pty) Ltd',
  employer_country: 'ZA',
  employer_place: 'Ficksburg, Free State',
  position: 'Fruit picker',
  sector: 'agriculture',
  workers_wanted: '40',
  wage: 'R4,500',
  wage_currency: 'ZAR',
  contract_months: '9',
  hours_per_week: '45',
  accommodation: 'Hostel on the farm, free of charge',
  recruitment_costs_paid_by: 'employer',
  travel_costs_paid_by: 'agency',
  open_from: addDays(today(), -3),
  open_until: addDays(today(), 30),
  contract_reference: 'DL/2026/0042',
  submission_key: key,
  ...overrides,
})

async function recordOffer(agencyId: string, key: string, overrides: Record<string, string> = {}) {
  const res = await officer.client.post(`/agencies/${agencyId}/job-offers`, offerForm(key, overrides))
  expect(res.status).toBe(303)
  return res.headers.get('location')!.replace(/\?.*$/, '').replace('/job-offers/', '')
}

async function version(id: string) {
  const row = await registry.db
    .selectFrom('job_offers')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return String(row.version)
}

async function approve(id: string) {
  const res = await officer.client.post(`/job-offers/${id}/approve`, { version: await version(id) })
  expect(res.status).toBe(303)
  const row = await registry.db
    .selectFrom('job_offers')
    .select('code')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return row.code!
}

async function dial(text: string) {
  const res = await registry.app.request('/ussd', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ sessionId: 'ATUid_9', phoneNumber: '+26650002222', text }).toString(),
  })
  const reply = await res.text()
  expect(reply.length).toBeLessThanOrEqual(160)
  return reply
}

describe('recording a job offer', () => {
  it('refuses at once an offer that makes the worker pay, saying why, with what was typed kept', async () => {
    const { agencyId } = await insertPublicFixture(registry.db, {
      name: 'Thaba Bosiu Placements',
      standing: 'licensed',
    })
    const res = await officer.client.post(
      `/agencies/${agencyId}/job-offers`,
      offerForm('k'.repeat(20), { travel_costs_paid_by: 'worker', position: 'Cherry picker' }),
    )
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('the worker may not pay any travel costs')
    expect(html).toContain('value="Cherry picker"')
    const stored = await registry.db
      .selectFrom('job_offers')
      .select('id')
      .where('agency_id', '=', agencyId)
      .execute()
    expect(stored).toEqual([])
  })

  it('keeps what was typed beside the message when a field is wrong', async () => {
    const { agencyId } = await insertPublicFixture(registry.db, {
      name: 'Semonkong Careers',
      standing: 'licensed',
    })
    const res = await officer.client.post(
      `/agencies/${agencyId}/job-offers`,
      offerForm('m'.repeat(20), { wage: 'a lot', position: 'Mine worker <b>' }),
    )
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('Enter the wage per month, for example 4,500')
    expect(html).toContain('value="Mine worker &lt;b&gt;"')
    expect(html).toContain('value="a lot"')
  })

  it('records one offer however often the form is sent, with its event and audit entry', async () => {
    const { agencyId } = await insertPublicFixture(registry.db, {
      name: 'Quthing Labour Link',
      standing: 'licensed',
    })
    const key = 'once-only-key-0001'
    const [a, b] = await Promise.all([
      officer.client.post(`/agencies/${agencyId}/job-offers`, offerForm(key)),
      officer.client.post(`/agencies/${agencyId}/job-offers`, offerForm(key)),
    ])
    expect([a.status, b.status]).toEqual([303, 303])
    expect(a.headers.get('location')).toBe(b.headers.get('location'))
    const offers = await registry.db
      .selectFrom('job_offers')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .execute()
    expect(offers).toHaveLength(1)
    expect(offers[0]).toMatchObject({
      status: 'submitted',
      code: null,
      wage_minor: 450_000,
      wage_currency: 'ZAR',
    })
    const audit = await registry.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', offers[0]!.id)
      .execute()
    expect(audit.map((e) => e.action)).toEqual(['job_offer.recorded'])
    const page = await words(await officer.client.get(`/job-offers/${offers[0]!.id}`))
    expect(page).toContain('Awaiting decision')
    expect(page).toContain('Given at approval')
  })

  it('lets only the licensing office record and decide offers', async () => {
    const { agencyId } = await insertPublicFixture(registry.db, {
      name: 'Mafeteng Jobs Desk',
      standing: 'licensed',
    })
    const id = await recordOffer(agencyId, 'rights-key-000001')
    for (const role of ['inspector', 'police_officer', 'analyst'] as const) {
      const other = await registry.signedInAs(role)
      expect((await other.client.post(`/job-offers/${id}/approve`, { version: '1' })).status).toBe(403)
      expect((await other.client.get(`/job-offers/${id}`)).status).toBe(200)
    }
    expect((await registry.app.request(`/job-offers/${id}`)).status).toBe(303)
  })

  it('lists offers by status, says so of a status not on the list, and of a page past the end', async () => {
    const { agencyId } = await insertPublicFixture(registry.db, {
      name: 'Maputsoe Hiring Hall',
      standing: 'licensed',
    })
    await recordOffer(agencyId, 'list-key-00000001')
    const bogus = await officer.client.get('/job-offers?status=bogus')
    expect(bogus.status).toBe(422)
    const refused = await words(bogus)
    expect(refused).toContain('That is not a status of job offers.')
    expect(refused).not.toContain('Maputsoe Hiring Hall')
    const past = await words(await officer.client.get('/job-offers?page=999'))
    expect(past).toContain('This page is past the end of the list')
    expect(past).not.toContain('No job offer matches')
    const none = await words(await officer.client.get('/job-offers?status=withdrawn&page=4'))
    expect(none.includes('No job offer matches') || none.includes('past the end')).toBe(true)
    expect(none.includes('No job offer matches') && none.includes('past the end')).toBe(false)
  })
})

describe('deciding a job offer', () => {
  it('approves with a code of eight digits whose check digit holds, and shows it on the agency page', async () => {
    const { agencyId } = await insertPublicFixture(registry.db, {
      name: 'Leribe Harvest Agency',
      standing: 'licensed',
    })
    const id = await recordOffer(agencyId, 'approve-key-000001')
    const code = await approve(id)
    expect(code).toMatch(/^\d{8}$/)
    const agencyPage = await words(await officer.client.get(`/agencies/${agencyId}`))
    expect(agencyPage).toContain('Job offers')
    expect(agencyPage).toContain(formatOfferCode(code))
    const events = await registry.db
      .selectFrom('job_offer_events')
      .select(['event', 'to_status'])
      .where('job_offer_id', '=', id)
      .orderBy('id')
      .execute()
    expect(events.map((e) => e.event)).toEqual(['recorded', 'approved'])
  })

  it('refuses approval while the agency’s licence is not in force, and a stale page, each with a 409 that says why', async () => {
    const { agencyId } = await insertPublicFixture(registry.db, {
      name: 'Butha-Buthe Recruiters',
      standing: 'suspended',
    })
    const id = await recordOffer(agencyId, 'suspended-key-0001')
    const res = await officer.client.post(`/job-offers/${id}/approve`, { version: '1' })
    expect(res.status).toBe(409)
    expect(await words(res)).toContain('an offer can be approved only while it is')
    expect(await words(await officer.client.get(`/job-offers/${id}/approve`))).toContain(
      'approval will be refused until it is',
    )

    const { agencyId: other } = await insertPublicFixture(registry.db, {
      name: 'Stale Page Agency',
      standing: 'licensed',
    })
    const second = await recordOffer(other, 'stale-key-00000001')
    await approve(second)
    const stale = await officer.client.post(`/job-offers/${second}/withdraw`, {
      version: '1',
      reason: 'Posts filled',
    })
    expect(stale.status).toBe(409)
    expect(await words(stale)).toMatch(/changed/i)
  })

  it('records no offer whose last day has passed, and approves none that has closed since', async () => {
    const { agencyId } = await insertPublicFixture(registry.db, {
      name: 'Late Offer Agency',
      standing: 'licensed',
    })
    const late = await officer.client.post(
      `/agencies/${agencyId}/job-offers`,
      offerForm('late-key-000000001', { open_from: addDays(today(), -90), open_until: addDays(today(), -1) }),
    )
    expect(late.status).toBe(422)
    expect(await late.text()).toContain('a closed offer cannot be recorded')
    const id = await recordOffer(agencyId, 'closed-since-key-01')
    await registry.db
      .updateTable('job_offers')
      .set({ open_from: addDays(today(), -90), open_until: addDays(today(), -1) })
      .where('id', '=', id)
      .execute()
    const res = await officer.client.post(`/job-offers/${id}/approve`, { version: await version(id) })
    expect(res.status).toBe(409)
    const page = await words(res)
    expect(page).toContain('This job offer was not changed')
    expect(page).toContain('The offer’s last day has passed')
    expect(page).not.toContain('Someone else changed')
  })

  it('asks for a reason to refuse or withdraw, and keeps it in the history', async () => {
    const { agencyId } = await insertPublicFixture(registry.db, {
      name: 'Mokhotlong Staffing',
      standing: 'licensed',
    })
    const id = await recordOffer(agencyId, 'refuse-key-0000001')
    const empty = await officer.client.post(`/job-offers/${id}/refuse`, { version: '1', reason: '  ' })
    expect(empty.status).toBe(422)
    expect(await words(empty)).toContain('Enter the reason')
    const refused = await officer.client.post(`/job-offers/${id}/refuse`, {
      version: '1',
      reason: 'The demand letter is not on the employer’s letterhead',
    })
    expect(refused.status).toBe(303)
    const page = await words(await officer.client.get(`/job-offers/${id}`))
    expect(page).toContain('Refused')
    expect(page).toContain('The demand letter is not on the employer’s letterhead')
    expect(page).toContain('None (refused)')
  })
})

describe('checking a job offer', () => {
  it('shows an open offer first as approved, with the agency, the job and the no-fee rule, in both languages', async () => {
    const { agencyId, licenceNumber } = await insertPublicFixture(registry.db, {
      name: 'Maluti Farm Placements',
      standing: 'licensed',
    })
    const code = await approve(await recordOffer(agencyId, 'open-key-000000001'))
    const en = await words(await registry.app.request(`/jobs/${code}`))
    expect(en).toMatch(/^.*<?\s*Approved job offer/)
    expect(en).toContain('The job is real and open until')
    expect(en).toContain('Maluti Farm Placements')
    expect(en).toContain('Fruit picker')
    expect(en).toContain('R 4,500.00 a month')
    expect(en).toContain('You must not pay any fee to get this job.')
    expect(en).not.toContain('DL/2026/0042')
    const st = await words(await registry.app.request(`/jobs/${code}?lang=st`))
    expect(st).toContain('Mosebetsi o lumelletsoe')
    expect(st).toContain('Ha ua lokela ho lefa chelete efe kapa efe ho fumana mosebetsi ona.')

    // Typed as people type it, on the form.
    const typed = await registry.app.request(`/jobs?code=${encodeURIComponent(` ${formatOfferCode(code)} `)}`)
    expect(typed.status).toBe(303)
    expect(typed.headers.get('location')).toBe(`/jobs/${code}`)

    const json = (await (
      await registry.app.request(`/api/v1/job-offers/${formatOfferCode(code)}`)
    ).json()) as Record<string, unknown>
    expect(json).toMatchObject({
      code: formatOfferCode(code),
      valid_now: true,
      status: 'open',
      worker_pays_nothing: true,
    })
    expect(JSON.stringify(json)).not.toContain('DL/2026/0042')

    expect(await dial(`3*${code}`)).toMatch(
      /^END Fruit picker \(South Africa\), Maluti Farm Placements: Approved job offer, open until \d+\/\d+\/\d{4}\. Pay no fee for this job\.$/,
    )
    expect(await dial(`0*3*${code}`)).toContain('Se lefe chelete bakeng sa mosebetsi ona.')

    const csv = await (await registry.app.request('/job-offers.csv')).text()
    expect(csv).toContain(`${formatOfferCode(code)},Fruit picker`)

    const verify = await words(await registry.app.request(`/verify/${licenceNumber}`))
    expect(verify).toContain('1 open job offer')
    expect(verify).toContain(`Fruit picker (${formatOfferCode(code)})`)
    const lookup = await words(await registry.app.request('/lookup?q=maluti%20farm'))
    expect(lookup).toContain('1 open job offer')
  })

  it('says at once that an offer is not valid when it is withdrawn or its agency is suspended', async () => {
    const { agencyId } = await insertPublicFixture(registry.db, {
      name: 'Hlotse Jobs Agency',
      standing: 'licensed',
    })
    const withdrawnId = await recordOffer(agencyId, 'withdraw-key-00001')
    const withdrawn = await approve(withdrawnId)
    const suspended = await approve(await recordOffer(agencyId, 'suspend-key-000001'))
    // Seen once, so a kept page would answer the next request if it could.
    for (const code of [withdrawn, suspended])
      expect(await words(await registry.app.request(`/jobs/${code}`))).toContain('Approved job offer')

    const w = await officer.client.post(`/job-offers/${withdrawnId}/withdraw`, {
      version: await version(withdrawnId),
      reason: 'The employer cancelled the contract',
    })
    expect(w.status).toBe(303)
    const licence = await registry.db
      .selectFrom('licences')
      .select('version')
      .where('agency_id', '=', agencyId)
      .executeTakeFirstOrThrow()
    const s = await officer.client.post(`/agencies/${agencyId}/licence/suspend`, {
      version: String(licence.version),
      reason: 'Fees charged',
      public_reason: 'recruitment_fees',
    })
    expect(s.status).toBe(303)

    const page = await words(await registry.app.request(`/jobs/${withdrawn}`))
    expect(page).toContain('Not valid: this offer was withdrawn')
    expect(page).not.toContain('The employer cancelled the contract')
    expect(await words(await registry.app.request(`/jobs/${withdrawn}?lang=st`))).toContain(
      'Ha o sebetse: mosebetsi ona o hutsitsoe',
    )
    expect(await words(await registry.app.request(`/jobs/${suspended}`))).toContain(
      'Not valid now: the recruiter may not recruit',
    )
    expect(await words(await registry.app.request(`/jobs/${suspended}?lang=st`))).toContain(
      'moemeli ha a lumelloe ho batlela batho mesebetsi',
    )
    const json = (await (await registry.app.request(`/api/v1/job-offers/${suspended}`)).json()) as Record<
      string,
      unknown
    >
    expect(json).toMatchObject({ valid_now: false, status: 'agency_not_licensed' })
    expect(await dial(`3*${withdrawn}`)).toContain('Not valid: this offer was withdrawn')
    expect(await dial(`3*${suspended}`)).toContain('Not valid now')
    const csv = await (await registry.app.request('/job-offers.csv')).text()
    expect(csv).not.toContain(formatOfferCode(withdrawn))
    expect(csv).not.toContain(formatOfferCode(suspended))
  })

  it('says an offer has closed once its last day has passed', async () => {
    const { agencyId } = await insertPublicFixture(registry.db, {
      name: 'Closed Offer Agency',
      standing: 'licensed',
    })
    const id = await recordOffer(agencyId, 'closed-key-0000001')
    const code = await approve(id)
    await registry.db
      .updateTable('job_offers')
      .set({ open_from: addDays(today(), -60), open_until: addDays(today(), -1) })
      .where('id', '=', id)
      .execute()
    const page = await words(await registry.app.request(`/jobs/${code}`))
    expect(page).toContain('Not valid now: this offer has closed')
    // The office sees what the public is told, and a slip printed now says it is not valid.
    expect(await words(await officer.client.get(`/job-offers/${id}`))).toContain(
      'Approved but closed: not valid now',
    )
    expect(await words(await officer.client.get(`/job-offers/${id}/slip`))).toContain('NOT VALID: closed')
    expect(await words(await registry.app.request(`/jobs/${code}?lang=st`))).toContain(
      'nako ea mosebetsi ona e fetile',
    )
  })

  it('tells a worker an unknown code may be a fake advert, and a mistyped one that it is mistyped, everywhere', async () => {
    const unknown = `4821553${dammDigit('4821553')}`
    // Two neighbouring digits swapped.
    const mistyped = `${unknown.slice(0, 6)}${unknown[7]}${unknown[6]}`
    const page = await registry.app.request(`/jobs/${unknown}`)
    expect(page.status).toBe(404)
    const body = await words(page)
    expect(body).toContain('No approved job offer has this code')
    expect(body).toContain('The advert may be fake')
    expect(await words(await registry.app.request(`/jobs/${unknown}?lang=st`))).toContain(
      'Papatso e ka ba ea leshano',
    )
    expect(await words(await registry.app.request(`/jobs/${mistyped}`))).toContain(
      'This code has a typing mistake',
    )
    const json = await registry.app.request(`/api/v1/job-offers/${unknown}`)
    expect(json.status).toBe(404)
    expect(((await json.json()) as { error: string }).error).toContain('may be fake')
    expect(await dial(`3*${unknown}`)).toBe(
      'END No approved job has this code. The advert may be fake. Do not pay anyone.',
    )
    expect(await dial(`0*3*${unknown}`)).toContain('Papatso e ka ba ea leshano')
    expect(await dial(`3*${mistyped}`)).toContain('typing mistake')
    // Seven digits, letters: no code at all, which is not a sign of a fake advert.
    for (const typed of ['8094262', 'abc']) {
      const notACode = await words(await registry.app.request(`/jobs/${typed}`))
      expect(notACode).toContain('This is not a job offer code')
      expect(notACode).not.toContain('may be fake')
    }
    expect(await dial('3*8094262')).toContain('A job offer code has 8 digits')
    expect(body).toContain(`You checked ${formatOfferCode(unknown)}.`)
    // Too short to be a code: the form says what to type, with what was typed kept.
    const short = await registry.app.request('/jobs?code=4821')
    expect(short.status).toBe(422)
    const shortHtml = await short.text()
    expect(shortHtml).toContain('Type the eight digits of the code')
    expect(shortHtml).toContain('value="4821"')
  })

  it('asks on USSD for the code, in the menu as choice 3', async () => {
    expect(await dial('')).toContain('3 Check a job offer')
    expect(await dial('3')).toBe('CON Type the job offer code from the advert (8 digits):')
  })
})

describe('reporting a job offer', () => {
  it('links a report to the offer its code names, and keeps a fake advert’s code as typed', async () => {
    const { agencyId } = await insertPublicFixture(registry.db, {
      name: 'Reported Offer Agency',
      standing: 'licensed',
    })
    const id = await recordOffer(agencyId, 'report-key-0000001')
    const code = await approve(id)
    const form = await registry.app.request(`/complaints/new?job=${code}`)
    const cookie = form.headers.get('set-cookie')!.split(';')[0]!
    const html = await form.text()
    expect(html).toContain(`value="${formatOfferCode(code)}"`)
    const token = /name="_csrf" value="([^"]+)"/.exec(html)![1]!
    const send = (fields: Record<string, string>) =>
      registry.app.request('/complaints/new', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: token, categories: 'recruitment_fee', ...fields }).toString(),
      })
    const real = await send({
      submission_key: 'report-real-offer-0001',
      job_offer_code: formatOfferCode(code),
      description: 'They asked M300 for an induction workshop before the bus.',
    })
    expect(real.status).toBe(303)
    const fake = await send({
      submission_key: 'report-fake-offer-0001',
      job_offer_code: '1234 5678',
      description: 'An advert on Facebook for the dam project.',
    })
    expect(fake.status).toBe(303)
    const stored = await registry.db
      .selectFrom('complaints')
      .select(['submission_key', 'job_offer_code', 'job_offer_id', 'agency_id'])
      .where('submission_key', 'in', ['report-real-offer-0001', 'report-fake-offer-0001'])
      .orderBy('submission_key', 'desc')
      .execute()
    expect(stored).toEqual([
      // The offer's code names its agency too.
      {
        submission_key: 'report-real-offer-0001',
        job_offer_code: code,
        job_offer_id: id,
        agency_id: agencyId,
      },
      {
        submission_key: 'report-fake-offer-0001',
        job_offer_code: '12345678',
        job_offer_id: null,
        agency_id: null,
      },
    ])
    const offerPage = await words(await officer.client.get(`/job-offers/${id}`))
    expect(offerPage).toContain('Reports that name this offer')
    expect(offerPage).not.toContain('No report has named this offer')

    const bad = await send({
      submission_key: 'report-bad-code-00001',
      job_offer_code: '12-34',
      description: 'x',
    })
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('Type the eight digits of the code as the advert shows them')
  })
})
