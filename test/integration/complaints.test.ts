import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertPublicFixture } from '../support/public-fixtures.js'
import { createTestRegistry, TestClient } from '../support/registry.js'

let registry: Awaited<ReturnType<typeof createTestRegistry>>
let licensed: { agencyId: string; licenceNumber: string | null }
let officer: Awaited<ReturnType<typeof registry.signedInAs>>

beforeAll(async () => {
  registry = await createTestRegistry()
  licensed = await insertPublicFixture(registry.db, {
    name: 'Thabana Ntlenyana Placements',
    standing: 'licensed',
  })
  officer = await registry.signedInAs('licensing_officer')
})
afterAll(() => registry.close())

const words = async (res: Response) => (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
const key = () => randomBytes(16).toString('base64url')

function report(overrides: Record<string, string | string[]> = {}) {
  return {
    submission_key: key(),
    licence: licensed.licenceNumber!,
    categories: ['recruitment_fee'],
    fee_amount: '1500',
    fee_currency: 'LSL',
    description: 'He took 1500 maloti for a farm job in Ceres that did not exist.',
    ...overrides,
  }
}

/** A member of the public sends the form, as a browser would; returns the response. */
async function send(form: Record<string, string | string[]>, lang = 'en') {
  const person = new TestClient(registry.app)
  await person.get(`/complaints/new?lang=${lang}`)
  return person.post('/complaints/new', form)
}

async function sentReference(res: Response) {
  expect(res.status).toBe(303)
  const reference = res.headers.get('location')!.replace('/complaints/sent/', '')
  expect(reference).toMatch(/^C-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)
  return reference
}

async function complaintIdOf(reference: string) {
  const row = await registry.db
    .selectFrom('complaints')
    .select(['id', 'version'])
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow()
  return row
}

describe('reporting a recruiter', () => {
  it('gives a reference to keep, which then shows only the status', async () => {
    const reference = await sentReference(await send(report()))
    const sent = await words(await registry.app.request(`/complaints/sent/${reference}`))
    expect(sent).toContain(reference)
    expect(sent).toContain('Write it down')
    const tracked = await words(
      await registry.app.request(`/complaints/track?ref=${reference.toLowerCase()}`),
    )
    expect(tracked).toContain('Received: it is waiting to be read.')
    expect(tracked).not.toContain('1500')
    expect(tracked).not.toContain('Ceres')
  })

  it('says the outcome in words and what happens next, and what to type when nothing was', async () => {
    const first = await registry.app.request('/complaints/track')
    expect(first.status).toBe(200)
    expect(await first.text()).not.toContain('id="ref-error"')
    const empty = await registry.app.request('/complaints/track?ref=+')
    expect(empty.status).toBe(422)
    expect(await words(empty)).toContain('Type the reference you were given when you sent the report')
    const reference = await sentReference(await send(report()))
    const trackedAs = async (status: 'decided', outcome: 'substantiated' | 'unsubstantiated') => {
      await registry.db
        .updateTable('complaints')
        .set({
          status,
          outcome,
          decided_at: new Date(),
          proven_categories: outcome === 'substantiated' ? ['recruitment_fee'] : [],
        })
        .where('reference', '=', reference)
        .execute()
      return words(await registry.app.request(`/complaints/track?ref=${reference}`))
    }
    expect(await trackedAs('decided', 'substantiated')).toContain(
      'Found to be true: the recruiter&#39;s record in the registry now shows it.',
    )
    expect(await trackedAs('decided', 'unsubstantiated')).toContain(
      'Not proven: thank you. The office could not confirm it.',
    )
  })

  it("keeps its form cookie across a browser restart, and says in the reporter's language when a form expired", async () => {
    const page = await registry.app.request('/complaints/new?lang=st')
    expect(page.headers.get('set-cookie')).toMatch(/rr_csrf=[^;]+;.*Max-Age=2592000/)
    // The cookie is gone (another phone, or cleared): nothing is stored, and the page says what to do.
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!
    const expired = await registry.app.request('/complaints/new', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'rr_lang=st' },
      body: new URLSearchParams({ _csrf: token, ...report(), categories: 'recruitment_fee' }).toString(),
    })
    expect(expired.status).toBe(403)
    const body = await words(expired)
    expect(body).toContain('Foromo ena e butsoe nako e telele haholo')
    expect(body).not.toContain('Your account is not allowed')
  })

  it('stores a report sent twice (double click, resend) once, with one reference', async () => {
    const form = report()
    const first = await sentReference(await send(form))
    const again = await sentReference(await send(form))
    expect(again).toBe(first)
    const rows = await registry.db
      .selectFrom('complaints')
      .select('id')
      .where('submission_key', '=', form.submission_key as string)
      .execute()
    expect(rows).toHaveLength(1)
  })

  it('gives each of many reports arriving together its own answer, even a double click among them', async () => {
    const clicked = report()
    const unlisted = report({ licence: '', recruiter_name: 'Ntate Sello' })
    const unknown = report({ licence: 'LRA-2019-99998' })
    const people = [clicked, clicked, unlisted, unknown].map((form) => ({
      form,
      browser: new TestClient(registry.app),
    }))
    for (const p of people) await p.browser.get('/complaints/new')
    // Sent at once: each is written in its own transaction, with its own answer.
    const [first, second, other, refused] = await Promise.all(
      people.map((p) => p.browser.post('/complaints/new', p.form)),
    )
    expect(await sentReference(second!)).toBe(await sentReference(first!))
    const otherReference = await sentReference(other!)
    expect(refused!.status).toBe(422)
    const rows = await registry.db
      .selectFrom('complaints')
      .select(['submission_key', 'reference', 'agency_id'])
      .where(
        'submission_key',
        'in',
        [clicked, unlisted, unknown].map((f) => f.submission_key as string),
      )
      .execute()
    expect(rows).toHaveLength(2)
    const byKey = new Map(rows.map((r) => [r.submission_key, r]))
    expect(byKey.get(clicked.submission_key as string)?.agency_id).toBe(licensed.agencyId)
    expect(byKey.get(unlisted.submission_key as string)).toMatchObject({
      reference: otherReference,
      agency_id: null,
    })
  })

  it('stores every honest report sent beside a hostile one, again and again; the hostile one gets a 422', async () => {
    for (let round = 0; round < 3; round++) {
      const honest = Array.from({ length: 20 }, (_, i) =>
        report({ description: `Round ${round}, report ${i}: he asked for 900 maloti.` }),
      )
      const poison = report({ description: 'poison\u0000' })
      const people = [poison, ...honest].map((form) => ({ form, browser: new TestClient(registry.app) }))
      for (const p of people) await p.browser.get('/complaints/new')
      const answers = await Promise.all(people.map((p) => p.browser.post('/complaints/new', p.form)))
      expect(answers[0]!.status).toBe(422)
      expect(await words(answers[0]!)).toContain('cannot be kept')
      expect(answers.slice(1).map((a) => a.status)).toEqual(honest.map(() => 303))
      const stored = await registry.db
        .selectFrom('complaints')
        .select('submission_key')
        .where(
          'submission_key',
          'in',
          [poison, ...honest].map((f) => f.submission_key as string),
        )
        .execute()
      expect(stored.map((r) => r.submission_key).sort()).toEqual(
        honest.map((f) => f.submission_key as string).sort(),
      )
    }
  })

  it.each([
    'licence',
    'recruiter_name',
    'recruiter_place',
    'recruiter_phone',
    'promised_job',
    'promised_employer',
    'promised_country',
    'description',
    'contact_phone',
    'fee_amount',
  ])(
    'refuses a NUL or control character in %s with a 422 beside the field, keeping the rest',
    async (field) => {
      const form = report({ licence: '', recruiter_name: 'Ntate Sello', [field]: 'bad\u0000value\u001b' })
      const res = await send(form)
      expect(res.status).toBe(422)
      const html = await res.text()
      expect(html).toContain(`id="${field}-error"`)
      // Shown back without the hidden characters, so sending it again can work.
      expect(html).not.toContain('bad\u0000value')
      if (field !== 'contact_phone' && field !== 'fee_amount' && field !== 'licence')
        expect(html).toContain('badvalue')
      expect(html).toContain(field === 'recruiter_name' ? 'farm job in Ceres' : 'Ntate Sello')
      const rows = await registry.db
        .selectFrom('complaints')
        .select('id')
        .where('submission_key', '=', form.submission_key as string)
        .execute()
      expect(rows).toHaveLength(0)
    },
  )

  it('accepts an anonymous report about an unlisted recruiter', async () => {
    const reference = await sentReference(
      await send(
        report({
          licence: '',
          recruiter_name: 'Mr Quick Visa',
          recruiter_place: 'Maseru bus stop',
          categories: ['deception', 'unlicensed_recruitment'],
          fee_amount: '',
          fee_currency: '',
        }),
      ),
    )
    const row = await registry.db
      .selectFrom('complaints')
      .selectAll()
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ agency_id: null, recruiter_name: 'Mr Quick Visa', contact_phone: null })
  })

  it.each([
    ['1,500', '', 150000, null],
    ['M1,500', '', 150000, 'LSL'],
    ['R 1 500.50', '', 150050, 'ZAR'],
    ['1 500,50', 'ZAR', 150050, 'ZAR'],
    ['m800', 'LSL', 80000, 'LSL'],
  ])(
    'takes the amount %j as people write it (currency chosen: %j)',
    async (amount, currency, minor, stored) => {
      const reference = await sentReference(
        await send(report({ fee_amount: amount, fee_currency: currency })),
      )
      const row = await registry.db
        .selectFrom('complaints')
        .select(['fee_amount_minor', 'fee_currency'])
        .where('reference', '=', reference)
        .executeTakeFirstOrThrow()
      expect(row).toEqual({ fee_amount_minor: minor, fee_currency: stored })
    },
  )

  it('never requires the currency it marks optional, and asks when the amount says another', async () => {
    const reference = await sentReference(await send(report({ fee_amount: '900', fee_currency: '' })))
    const { id } = await complaintIdOf(reference)
    const page = await words(await officer.client.get(`/complaints/${id}`))
    expect(page).toContain('900.00 (currency not said)')
    // Required when substantiated, so not marked optional.
    expect(page).toContain('What was proven Needed when substantiated')
    expect(page).not.toContain('What was proven (optional)')
    const mismatch = await send(report({ fee_amount: 'R900', fee_currency: 'LSL' }))
    expect(mismatch.status).toBe(422)
    const html = await mismatch.text()
    expect(html).toContain('id="fee_currency-error"')
    expect(html).toContain('The amount is written in one currency and another is chosen here')
    expect(html).toContain('value="R900"')
  })

  it('refuses a bad report with messages beside the fields, keeps what was typed and stores nothing', async () => {
    const before = await registry.db
      .selectFrom('complaints')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    const res = await send({
      submission_key: key(),
      recruiter_name: '',
      description: '',
      fee_amount: 'a lot',
      recruiter_place: 'Near the Mafeteng taxi rank',
      may_contact: 'yes',
    })
    expect(res.status).toBe(422)
    const html = await res.text()
    for (const message of [
      'Choose the recruiter or type their name.',
      'Choose at least one thing that happened.',
      'Tell us what happened.',
      'Type the amount in numbers',
      'Give a phone number or email so that we can contact you.',
    ])
      expect(html).toContain(message)
    expect(html).toContain('value="Near the Mafeteng taxi rank"')
    expect(html).toContain('value="a lot"')
    const after = await registry.db
      .selectFrom('complaints')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })

  it('says what is wrong in Sesotho to a Sesotho reader', async () => {
    const res = await send({ submission_key: key(), description: '' }, 'st')
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('lang="st"')
    expect(html).toContain('Re bolelle se etsahetseng.')
  })

  it('refuses an unknown licence number and anything over the length limits', async () => {
    const stored = async () =>
      (
        await registry.db
          .selectFrom('complaints')
          .select(sql<number>`count(*)::int`.as('n'))
          .executeTakeFirstOrThrow()
      ).n
    const before = await stored()
    const unknown = await send(report({ licence: 'LRA-2019-99999' }))
    expect(unknown.status).toBe(422)
    expect(await unknown.text()).toContain('This licence number is not in the registry')
    expect(await stored()).toBe(before)
    const long = await send(report({ description: 'x'.repeat(4001) }))
    expect(long.status).toBe(422)
    expect(await long.text()).toContain('Type at most 4000 letters.')
  })

  it('stores nothing when the hidden field is filled, as scripts do', async () => {
    const form = report({ website: 'http://spam.example' })
    expect((await send(form)).status).toBe(422)
    const rows = await registry.db
      .selectFrom('complaints')
      .select('id')
      .where('submission_key', '=', form.submission_key as string)
      .execute()
    expect(rows).toHaveLength(0)
  })

  it('limits stored reports per address, not refused ones, and keeps what was typed when it says no', async () => {
    const limited = await createTestRegistry({ TRUST_PROXY: 'true', COMPLAINTS_PER_HOUR: '2' })
    try {
      const person = new TestClient(limited.app)
      const from = { 'X-Forwarded-For': '10.9.9.9' }
      const form = { submission_key: key(), recruiter_name: 'Someone', categories: 'other', description: 'x' }
      // Typing mistakes, refused: they do not count.
      for (let i = 0; i < 4; i++)
        expect(
          (await person.post('/complaints/new', { ...form, description: '', submission_key: key() }, from))
            .status,
        ).toBe(422)
      for (let i = 0; i < 2; i++)
        expect((await person.post('/complaints/new', { ...form, submission_key: key() }, from)).status).toBe(
          303,
        )
      // A resend of a stored report is answered with it, and does not count either.
      const again = { ...form, submission_key: key() }
      const refused = await person.post(
        '/complaints/new',
        { ...again, description: 'He asked for M500' },
        from,
      )
      expect(refused.status).toBe(429)
      const html = await refused.text()
      expect(html).toContain('Many reports have come from your network in the last hour')
      expect(html).toContain('He asked for M500')
      expect(html).toContain('action="/complaints/new"')
    } finally {
      await limited.close()
    }
  })

  it('posts the form to its own public address, so a reload never lands on the staff sign-in', async () => {
    const res = await send(report({ description: '' }))
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('action="/complaints/new"')
    // What the browser loads if the reader goes back to the address instead of sending again.
    const page = await registry.app.request('/complaints/new')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Report a recruiter')
  })
})

describe('triage, flags and points', () => {
  it('takes a fee report from substantiated to a public warning, and clears it with a reason', async () => {
    const reference = await sentReference(await send(report()))
    let { id, version } = await complaintIdOf(reference)
    expect((await officer.client.post(`/complaints/${id}/assign`, { version: String(version) })).status).toBe(
      303,
    )
    expect(await words(await registry.app.request(`/complaints/track?ref=${reference}`))).toContain(
      'Under review',
    )
    ;({ version } = await complaintIdOf(reference))

    // Substantiated needs what was proven.
    const incomplete = await officer.client.post(`/complaints/${id}/decide`, {
      version: String(version),
      outcome: 'substantiated',
      finding: 'Receipts seen',
    })
    expect(incomplete.status).toBe(422)
    expect(await incomplete.text()).toContain('Choose what was proven')

    const decided = await officer.client.post(`/complaints/${id}/decide`, {
      version: String(version),
      outcome: 'substantiated',
      proven: ['recruitment_fee'],
      finding: 'Receipts for 1500 maloti seen; three workers confirm.',
    })
    expect(decided.status).toBe(303)
    const lookup = await words(await registry.app.request('/lookup?q=thabana%20ntlenyana'))
    expect(lookup).toContain('Found to have charged workers a recruitment fee.')
    expect(lookup).toContain('Under watch by the licensing office')
    const verify = await words(await registry.app.request(`/verify/${licensed.licenceNumber}`))
    expect(verify).toContain('Found to have charged workers a recruitment fee.')
    const api = await (await registry.app.request(`/api/v1/licences/${licensed.licenceNumber}`)).json()
    expect(api.warnings).toEqual(['fee', 'under_watch'])
    expect(await words(await registry.app.request(`/complaints/track?ref=${reference}`))).toContain(
      'Found to be true',
    )

    const agencyPage = await words(await officer.client.get(`/agencies/${licensed.agencyId}`))
    expect(agencyPage).toContain('12 demerit points')
    expect(agencyPage).toContain('Under watch')
    expect(agencyPage).toContain(reference)
    // The reference is the reporter's key to the report: only those who triage complaints see it.
    for (const role of ['inspector', 'police_officer', 'analyst'] as const) {
      const reader = await registry.signedInAs(role)
      const page = await words(await reader.client.get(`/agencies/${licensed.agencyId}`))
      expect(page, role).toContain('12 demerit points')
      expect(page, role).not.toContain(reference)
    }

    const noReason = await officer.client.post(`/agencies/${licensed.agencyId}/flags/fee/clear`, {
      reason: ' ',
    })
    expect(noReason.status).toBe(422)
    expect(await noReason.text()).toContain('Enter the reason for clearing the flag')
    const cleared = await officer.client.post(`/agencies/${licensed.agencyId}/flags/fee/clear`, {
      reason: 'Refunds to all three workers verified',
    })
    expect(cleared.status).toBe(303)
    const after = await words(await registry.app.request('/lookup?q=thabana%20ntlenyana'))
    expect(after).not.toContain('recruitment fee.')
    // The points stay: still under watch.
    expect(after).toContain('Under watch by the licensing office')
    const history = await words(await officer.client.get(`/agencies/${licensed.agencyId}`))
    expect(history).toContain('Refunds to all three workers verified')
    const audit = await registry.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', 'in', [id, licensed.agencyId])
      .execute()
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['complaint.assigned', 'complaint.substantiated', 'agency.flag_cleared']),
    )
    const complaintPage = await words(await officer.client.get(`/complaints/${id}`))
    expect(complaintPage).toContain('Receipts for 1500 maloti seen')
    expect(complaintPage).toMatch(/assigned.*substantiated/i)
  })

  it('brings a licence to review at 24 points, with the reasons and a recommendation', async () => {
    const agency = await insertPublicFixture(registry.db, {
      name: 'Letšeng Diamond Labour',
      standing: 'licensed',
    })
    for (const proven of ['recruitment_fee', 'documents_retained']) {
      const reference = await sentReference(
        await send(report({ licence: agency.licenceNumber!, categories: [proven] })),
      )
      const { id, version } = await complaintIdOf(reference)
      await officer.client.post(`/complaints/${id}/decide`, {
        version: String(version),
        outcome: 'substantiated',
        proven: [proven],
        finding: 'Proven at inspection',
      })
    }
    const licensing = await words(await officer.client.get('/licensing'))
    expect(licensing).toContain('Letšeng Diamond Labour')
    const page = await words(await officer.client.get(`/agencies/${agency.agencyId}`))
    expect(page).toContain('24 demerit points')
    expect(page).toContain('For review')
    expect(page).toContain('Consider suspension or revocation')
    const lookup = await words(await registry.app.request('/lookup?q=letseng%20diamond'))
    expect(lookup).toContain('Found to have deceived workers')
    // A feature phone hears the same: the warning after the status.
    const ussd = await registry.app.request('/ussd', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        sessionId: 'ATUid_7',
        serviceCode: '*120*55#',
        phoneNumber: '+26650007777',
        text: '1*letseng diamond',
      }).toString(),
    })
    expect(await ussd.text()).toMatch(
      /Letseng Diamond La.* LRA-\d{4}-\d{5}: Licensed until .*\. WARNING: charged fees, deceived workers, under watch/,
    )

    // The agency list, sorted by points, puts it first with its flags; its renewal waits in the
    // application queue with the same flags beside it.
    const byPoints = await officer.client.get('/agencies?sort=points')
    const firstRow = (await byPoints.text()).split('<tbody>')[1]!.split('</tr>')[0]!
    expect(firstRow).toContain('Letšeng Diamond Labour')
    expect(firstRow.replace(/<[^>]+>/g, ' ')).toMatch(/Fee flag.*Fraud flag.*For review.*24 points/s)
    await registry.db
      .insertInto('licence_applications')
      .values({ agency_id: agency.agencyId, kind: 'renewal' })
      .execute()
    const queue = await words(await officer.client.get('/applications'))
    expect(queue).toMatch(/Letšeng Diamond Labour Renewal .* Fee flag Fraud flag For review 24 points/)
  })

  it('gives the second of two officers deciding at once a 409, and applies only the first', async () => {
    const reference = await sentReference(await send(report()))
    const { id, version } = await complaintIdOf(reference)
    const other = await registry.signedInAs('licensing_officer')
    const decide = (client: TestClient, outcome: string) =>
      client.post(`/complaints/${id}/decide`, {
        version: String(version),
        outcome,
        ...(outcome === 'substantiated' ? { proven: 'recruitment_fee' } : {}),
        finding: `Decided ${outcome}`,
      })
    const results = await Promise.all([
      decide(officer.client, 'substantiated'),
      decide(other.client, 'unsubstantiated'),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([303, 409])
    const events = await registry.db
      .selectFrom('complaint_events')
      .select('event')
      .where('complaint_id', '=', id)
      .execute()
    expect(events).toHaveLength(1)
  })

  it('records an unlisted recruiter in the list the police follow up', async () => {
    const reference = await sentReference(
      await send(
        report({ licence: '', recruiter_name: 'Lucky Jobs Overseas', recruiter_phone: '+266 6000 1234' }),
      ),
    )
    const { id, version } = await complaintIdOf(reference)
    const missingName = await officer.client.post(`/complaints/${id}/unlicensed`, {
      version: String(version),
      name: '',
    })
    expect(missingName.status).toBe(422)
    expect(
      (
        await officer.client.post(`/complaints/${id}/unlicensed`, {
          version: String(version),
          name: 'Lucky Jobs Overseas',
          phone: '+266 6000 1234',
          district: 'Leribe',
        })
      ).status,
    ).toBe(303)
    // A stale form records nothing, not even the recruiter.
    const stale = await officer.client.post(`/complaints/${id}/unlicensed`, {
      version: String(version),
      name: 'Stale Jobs Agency',
    })
    expect(stale.status).toBe(409)
    const staleRows = await registry.db
      .selectFrom('unlicensed_recruiters')
      .select('id')
      .where('name', '=', 'Stale Jobs Agency')
      .execute()
    expect(staleRows).toHaveLength(0)
    const police = await registry.signedInAs('police_officer')
    const list = await words(await police.client.get('/unlicensed-recruiters'))
    expect(list).toContain('Lucky Jobs Overseas')
    expect(list).toContain('+266 6000 1234')
    expect((await police.client.get('/complaints')).status).toBe(403)
  })

  it('links a report to any registered agency by licence number, registration number or name', async () => {
    const unlicensed = await insertPublicFixture(registry.db, {
      name: 'Sefika Farm Labour (Pty) Ltd',
      tradingNames: ['Sefika Jobs'],
      standing: 'none',
    })
    const { registration_number } = await registry.db
      .selectFrom('agencies')
      .select('registration_number')
      .where('id', '=', unlicensed.agencyId)
      .executeTakeFirstOrThrow()
    const linkedBy = async (typed: string) => {
      const reference = await sentReference(
        await send(report({ licence: '', recruiter_name: 'the man at the taxi rank' })),
      )
      const { id, version } = await complaintIdOf(reference)
      const res = await officer.client.post(`/complaints/${id}/link`, {
        version: String(version),
        agency: typed,
      })
      const row = await registry.db
        .selectFrom('complaints')
        .select('agency_id')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      return { res, row, id }
    }
    for (const typed of [
      'sefika farm labour (pty) ltd',
      'Sefika Jobs',
      registration_number.replace('/', ' - '),
    ]) {
      const { res, row } = await linkedBy(typed)
      expect(res.status, typed).toBe(303)
      expect(row.agency_id, typed).toBe(unlicensed.agencyId)
    }
    const { res, row } = await linkedBy(licensed.licenceNumber!)
    expect(res.status).toBe(303)
    expect(row.agency_id).toBe(licensed.agencyId)

    // A name no agency has: said so, with names like it offered to link in one click.
    const unknown = await linkedBy('Sefika Farm Labor')
    expect(unknown.res.status).toBe(422)
    const html = await words(unknown.res)
    expect(html).toContain('No registered agency has this licence number, registration number or name')
    expect(html).toContain('Link to Sefika Farm Labour (Pty) Ltd')
    expect(unknown.row.agency_id).toBeNull()
  })

  it('filters the queue and counts by status', async () => {
    const page = await words(await officer.client.get('/complaints?status=open&registered=no'))
    expect(page).toContain('Received:')
    expect(page).toContain('not linked to an agency')
    expect(page).not.toContain('Thabana Ntlenyana Placements')
    const bad = await officer.client.get('/complaints?status=nonsense')
    expect(bad.status).toBe(422)
    // Said in the filter's own words, not the validator's.
    const refused = await words(bad)
    expect(refused).toContain('Status: Select a status from the list')
    // No list under a refused filter: every complaint would read as the answer to it.
    expect(refused).toContain('Correct the filters above to see the list.')
    expect(refused).not.toMatch(/complaints? match/)
    // The count line is what the status line beside the form reads out, in a sentence.
    const counted = await officer.client.get('/complaints?status=open&registered=no')
    const summary = (await counted.text()).match(/<p data-summary[^>]*>([^<]*)<\/p>/)?.[1]
    expect(summary).toMatch(/^(1 complaint matches|[\d,]+ complaints match)$/)
    // A page past the end says so beside the count, not that nothing matches.
    const past = await words(await officer.client.get('/complaints?page=999'))
    expect(past).toMatch(/[\d,]+ complaints match/)
    expect(past).toContain('This page is past the end of the list')
    expect(past).not.toContain('No complaints match')
    const none = await words(
      await officer.client.get('/complaints?category=other&district=Thaba-Tseka&registered=yes&assigned=me'),
    )
    expect(none).toContain('0 complaints match')
    expect(none).toContain('No complaints match these filters.')
    // Nothing to page through, even from an old link to page 4: only that nothing matches.
    const noneLater = await words(
      await officer.client.get(
        '/complaints?category=other&district=Thaba-Tseka&registered=yes&assigned=me&page=4',
      ),
    )
    expect(noneLater).toContain('No complaints match these filters.')
    expect(noneLater).not.toContain('past the end')
  })
})

describe('complainants’ contact details', () => {
  it('never reach a public page, the API, an export or the log, and are shown to officers only on an audited request', async () => {
    const phone = '+266 5123 9876'
    const email = `witness.${randomBytes(4).toString('hex')}@example.org`
    const words_ = `Secret account ${randomBytes(4).toString('hex')} of what happened`
    const reference = await sentReference(
      await send(
        report({ contact_phone: phone, contact_email: email, may_contact: 'yes', description: words_ }),
      ),
    )
    const { id, version } = await complaintIdOf(reference)
    await officer.client.post(`/complaints/${id}/decide`, {
      version: String(version),
      outcome: 'substantiated',
      proven: ['recruitment_fee'],
      finding: 'Proven',
    })
    const publicPaths = [
      '/',
      '/lookup?q=thabana',
      `/verify/${licensed.licenceNumber}`,
      '/api/v1/agencies?q=thabana',
      `/api/v1/licences/${licensed.licenceNumber}`,
      '/register.csv',
      `/complaints/track?ref=${reference}`,
      `/complaints/sent/${reference}`,
      '/complaints/new',
    ]
    for (const path of publicPaths) {
      const body = await (await registry.app.request(path)).text()
      for (const secret of [phone, '5123 9876', email, words_])
        expect(body, `${path}: ${secret}`).not.toContain(secret)
    }

    const page = await officer.client.get(`/complaints/${id}`)
    const html = await page.text()
    expect(html).not.toContain(email)
    expect(html).toContain(words_)
    const shown = await (await officer.client.post(`/complaints/${id}/contact`)).text()
    expect(shown).toContain(email)
    expect(shown).toContain(phone)
    const audit = await registry.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_id', '=', id)
      .where('action', '=', 'complaint.contact_shown')
      .execute()
    expect(audit).toHaveLength(1)
    expect(JSON.stringify(audit)).not.toContain(email)
    expect(registry.logLines.join('\n')).not.toContain(email)
    expect(registry.logLines.join('\n')).not.toContain('5123 9876')

    const analyst = await registry.signedInAs('analyst')
    expect((await analyst.client.get(`/complaints/${id}`)).status).toBe(403)
    expect((await analyst.client.post(`/complaints/${id}/contact`)).status).toBe(403)
  })
})
