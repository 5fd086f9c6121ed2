import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, addMonths, todayInLesotho } from '../../src/time.js'
import { revokeThroughNotice } from '../support/licence-actions.js'
import { createTestRegistry, type TestClient } from '../support/registry.js'

let registry: Awaited<ReturnType<typeof createTestRegistry>>
let officer: Awaited<ReturnType<typeof registry.signedInAs>>
let serial = 0

beforeAll(async () => {
  registry = await createTestRegistry()
  officer = await registry.signedInAs('licensing_officer')
})
afterAll(() => registry.close())

const words = async (res: Response) => (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

function agencyForm(overrides: Record<string, string | string[]> = {}) {
  serial += 1
  return {
    legal_name: `Test Agency ${serial} Placement Services`,
    trading_names: '',
    registration_number: `2026/T${String(serial).padStart(5, '0')}`,
    district: 'Maseru',
    physical_address: 'Plot 12, Kingsway, Maseru',
    phone: '+266 5800 1234',
    email: '',
    sectors: ['mining'],
    destination_countries: ['ZA'],
    notes: '',
    person_role: ['principal', 'director'],
    person_name: [`Principal ${serial}`, ''],
    person_id_number: [`P${String(serial).padStart(7, '0')}`, ''],
    ...overrides,
  }
}

/** Registers an agency, accepting any duplicate warning; returns its id. */
async function register(client: TestClient, form: Record<string, string | string[]>) {
  let res = await client.post('/agencies', form)
  if (res.status === 200) {
    const html = await res.text()
    const seen = html.match(/name="duplicates_seen" value="([^"]*)"/)?.[1] ?? ''
    res = await client.post('/agencies', {
      ...form,
      duplicates_seen: seen,
      phoenix_reason: 'Checked in person',
    })
  }
  expect(res.status).toBe(303)
  return res.headers.get('location')!.match(/\/agencies\/([0-9a-f-]{36})/)![1]!
}

async function applyAndApprove(client: TestClient, agencyId: string) {
  const applied = await client.post(`/agencies/${agencyId}/applications`, {
    fit_and_proper_checked: 'on',
    registration_seen: 'on',
    office_visited: 'on',
    fee_free_declaration_signed: 'on',
  })
  expect(applied.status).toBe(303)
  const applicationId = applied.headers.get('location')!.match(/applications\/([0-9a-f-]{36})/)![1]!
  const app = await registry.db
    .selectFrom('licence_applications')
    .selectAll()
    .where('id', '=', applicationId)
    .executeTakeFirstOrThrow()
  const approved = await client.post(`/applications/${applicationId}/approve`, {
    version: String(app.version),
  })
  expect(approved.status).toBe(303)
  return applicationId
}

const licenceOf = (agencyId: string) =>
  registry.db.selectFrom('licences').selectAll().where('agency_id', '=', agencyId).executeTakeFirstOrThrow()

describe('registering agencies', () => {
  it('refuses bad input with 422, messages beside the fields and what was typed, saving nothing', async () => {
    const res = await officer.client.post(
      '/agencies',
      agencyForm({
        legal_name: 'Kept Name <b>Recruiters</b>',
        registration_number: '',
        district: 'Gauteng',
        sectors: [],
        destination_countries: ['XX'],
        person_name: ['', 'Director Only'],
        person_id_number: ['', 'D1234567'],
        email: 'not-an-email',
      }),
    )
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('<title>Error: Register an agency')
    for (const message of [
      'Enter the company registration number',
      'Select the district',
      'Select at least one sector',
      'Select countries from the list',
      'Enter an email address like office@agency.co.ls',
    ]) {
      expect(html).toContain(message)
    }
    expect(html).toContain('value="Kept Name &lt;b&gt;Recruiters&lt;/b&gt;"')
    expect(html).toContain('value="Director Only"')
    const count = await registry.db
      .selectFrom('agencies')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
    expect(count.n).toBe(0)
  })

  it('requires a principal with an ID number', async () => {
    const res = await officer.client.post(
      '/agencies',
      agencyForm({
        person_role: ['director'],
        person_name: ['Only A Director'],
        person_id_number: ['D7654321'],
      }),
    )
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('Enter the principal')
  })

  it('registers an agency with its people, history and audit entry', async () => {
    const form = agencyForm({
      legal_name: 'Maluti Mountain Recruitment (Pty) Ltd',
      trading_names: 'Maluti Jobs\nMM Recruit',
    })
    const id = await register(officer.client, form)
    const page = await officer.client.get(`/agencies/${id}`)
    const html = await page.text()
    expect(html).toContain('Maluti Mountain Recruitment (Pty) Ltd')
    expect(html).toContain('Maluti Jobs, MM Recruit')
    expect(html).toContain(form.person_id_number[0])
    expect(html).toContain('Agency registered')
    const audit = await registry.db.selectFrom('audit_log').selectAll().where('entity_id', '=', id).execute()
    expect(audit.map((a) => a.action)).toContain('agency.registered')
  })

  it('shows the ID and passport numbers of its people only to the licensing office and the police', async () => {
    const form = agencyForm({ legal_name: 'Thaba Bosiu Labour Brokers' })
    const id = await register(officer.client, form)
    for (const role of ['admin', 'police_officer'] as const) {
      const reader = await registry.signedInAs(role)
      expect(await (await reader.client.get(`/agencies/${id}`)).text(), role).toContain(
        form.person_id_number[0],
      )
    }
    for (const role of ['inspector', 'analyst'] as const) {
      const reader = await registry.signedInAs(role)
      const html = await (await reader.client.get(`/agencies/${id}`)).text()
      expect(html, role).toContain(form.person_name[0])
      expect(html, role).not.toContain(form.person_id_number[0])
    }
  })

  it('warns about a near-identical name before saving, and saves once the officer has seen it', async () => {
    const form = agencyForm({ legal_name: 'Maluti Mountain Recruitment Pty Ltd' })
    const first = await officer.client.post('/agencies', form)
    expect(first.status).toBe(200)
    const html = await first.text()
    expect(html).toContain('Possible duplicates')
    expect(html).toMatch(
      /Name resembles “Maluti Mountain Recruitment Pty Ltd” \(\d+% alike, leaving out words every name has\)/,
    )
    const seen = html.match(/name="duplicates_seen" value="([^"]*)"/)![1]!
    const second = await officer.client.post('/agencies', { ...form, duplicates_seen: seen })
    expect(second.status).toBe(303)
  })

  it('refuses a second agency with the same registration number, however it is written, linking to the first', async () => {
    const form = agencyForm({
      registration_number: '2013/000032',
      legal_name: 'Khotso Recruitment (Pty) Ltd',
    })
    const id = await register(officer.client, form)
    for (const written of ['2013-000032', '2013000032', '2013/ 000032']) {
      const again = await officer.client.post(
        '/agencies',
        agencyForm({ registration_number: written, legal_name: 'Letsatsi Recruitment (Pty) Ltd' }),
      )
      expect(again.status, written).toBe(422)
      const html = await again.text()
      expect(html).toContain('Already in the registry for Khotso Recruitment (Pty) Ltd (2013/000032)')
      expect(html).toContain(`<a href="/agencies/${id}">Khotso Recruitment (Pty) Ltd</a>`)
      expect(html).toContain(`value="${written}"`)
    }
    // The staff search finds it by the number however it is typed.
    expect(await (await officer.client.get('/agencies?q=2013-000032')).text()).toContain('Khotso Recruitment')
  })

  it('lists the very name typed first among names alike once common words are set aside', async () => {
    for (const legal_name of [
      'Bokamoso Manpower Services',
      'Bokamoso Placement Agency',
      'Bokamoso Labour Brokers Ltd',
    ])
      await register(officer.client, agencyForm({ legal_name }))
    const again = await officer.client.post(
      '/agencies',
      agencyForm({ legal_name: 'Bokamoso Labour Brokers Ltd' }),
    )
    const html = await again.text()
    const section = html.slice(html.indexOf('Possible duplicates'))
    const exact = section.indexOf('>Bokamoso Labour Brokers Ltd<')
    expect(exact).toBeGreaterThan(-1)
    for (const other of ['>Bokamoso Manpower Services<', '>Bokamoso Placement Agency<'])
      expect(section.indexOf(other), other).toBeGreaterThan(exact)
  })

  it('does not call names alike for the words every agency name has', async () => {
    await register(officer.client, agencyForm({ legal_name: 'Khotso Placements Agency (Pty) Ltd' }))
    const other = await officer.client.post(
      '/agencies',
      agencyForm({ legal_name: 'Letsatsi Placements Agency (Pty) Ltd', trading_names: 'Letsatsi Jobs' }),
    )
    expect(other.status).toBe(303)
  })

  it('chooses no destination country for the officer on a new agency', async () => {
    const html = await (await officer.client.get('/agencies/new')).text()
    const countries = html.slice(html.indexOf('name="destination_countries"'))
    expect(countries.slice(0, countries.indexOf('</select>'))).not.toContain('selected')
  })

  it('flags a person linked to a revoked agency, and needs a reason to register them again', async () => {
    const original = agencyForm({
      person_id_number: ['AB 123-456', ''],
      person_name: ['Tšeliso Phoenix', ''],
    })
    const revokedId = await register(officer.client, original)
    await applyAndApprove(officer.client, revokedId)
    await revokeThroughNotice(officer.client, revokedId, 'Charged workers recruitment fees')

    const phoenix = agencyForm({
      legal_name: 'Brand New Horizons Staffing',
      person_name: ['T. Phoenix', ''],
      person_id_number: ['ab123456', ''],
    })
    const warned = await officer.client.post('/agencies', phoenix)
    // The bar is said at once, beside the link that causes it, and nothing offers to save anyway.
    expect(warned.status).toBe(422)
    const html = await warned.text()
    expect(html).toContain('is linked to this agency, whose licence was revoked')
    expect(html).toContain('Barred from a new agency')
    expect(html).not.toContain('Register anyway')
    const seen = html.match(/name="duplicates_seen" value="([^"]*)"/)![1]!
    const noReason = await officer.client.post('/agencies', { ...phoenix, duplicates_seen: seen })
    expect(noReason.status).toBe(422)
    // The bar is said first: a reason for the match would not lift it.
    expect(await noReason.text()).toContain('Barred from a new agency')
    // A revoked agency's principal is barred for five years: the officer is refused, and only an
    // administrator can register the agency, with a reason.
    const barred = await officer.client.post('/agencies', {
      ...phoenix,
      duplicates_seen: seen,
      phoenix_reason: 'Director left in 2020; verified',
    })
    expect(barred.status).toBe(422)
    const barredText = await words(barred)
    expect(barredText).toContain('Barred from a new agency')
    expect(barredText).toMatch(
      /T\. Phoenix was a principal or director of .*, whose licence was revoked on .*: barred until/,
    )
    expect(barredText).toContain('only an administrator can register')
    const admin = await registry.signedInAs('admin')
    const noOverride = await admin.client.post('/agencies', {
      ...phoenix,
      duplicates_seen: seen,
      phoenix_reason: 'Director left in 2020; verified',
    })
    expect(noOverride.status).toBe(422)
    expect(await noOverride.text()).toContain('Say why the bar is overridden')
    const saved = await admin.client.post('/agencies', {
      ...phoenix,
      duplicates_seen: seen,
      phoenix_reason: 'Director left in 2020; verified',
      bar_override_reason: 'Court set aside the revocation as to this director',
    })
    expect(saved.status).toBe(303)
    const override = await registry.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'agency.bar_overridden')
      .executeTakeFirstOrThrow()
    expect(override.after).toMatchObject({ reason: 'Court set aside the revocation as to this director' })
    // Adding a barred person to an existing agency is refused the same way.
    const other = await register(officer.client, agencyForm({ legal_name: 'Innocent Bystander Placements' }))
    const edit = await officer.client.get(`/agencies/${other}/edit`)
    const version = /name="version" value="(\d+)"/.exec(await edit.text())![1]!
    const added = await officer.client.post(`/agencies/${other}/edit`, {
      ...agencyForm({
        legal_name: 'Innocent Bystander Placements',
        person_name: ['Limpho Seeiso', 'T. Phoenix'],
        person_id_number: ['XY 999 888', 'AB-123456'],
        person_role: ['principal', 'director'],
      }),
      version,
    })
    expect(added.status).toBe(422)
    expect(await words(added)).toContain('Barred from a new agency')
    const entry = await registry.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'agency.phoenix_match_acknowledged')
      .executeTakeFirstOrThrow()
    expect(entry.after).toMatchObject({ reason: 'Director left in 2020; verified' })

    // Its application shows the link and the reason, to decide with them in view; the ID
    // number only to those who may read it.
    const newId = saved.headers.get('location')!.split('/').pop()!.split('?')[0]!
    const applied = await officer.client.post(`/agencies/${newId}/applications`, { registration_seen: 'on' })
    const applicationPath = applied.headers.get('location')!.split('?')[0]!
    const applicationHtml = await (await officer.client.get(applicationPath)).text()
    expect(applicationHtml).toContain(`<a href="/agencies/${revokedId}">`)
    const text = await words(new Response(applicationHtml))
    expect(text).toContain('Linked to a revoked or refused agency')
    expect(text).toContain('T. Phoenix (ID ab123456) is linked to this agency, whose licence was revoked')
    expect(text).toContain(
      'Reason given when the agency was registered all the same: Director left in 2020; verified',
    )
    const analyst = await registry.signedInAs('analyst')
    const analystText = await words(await analyst.client.get(applicationPath))
    expect(analystText).toContain('T. Phoenix is linked to this agency, whose licence was revoked')
    expect(analystText).not.toContain('ab123456')
  })
})

describe('applications and the licence lifecycle', () => {
  it('issues LRA-<year>-<sequence> on first approval, valid 12 months, with history and audit', async () => {
    const id = await register(officer.client, agencyForm())
    await applyAndApprove(officer.client, id)
    const licence = await licenceOf(id)
    const today = todayInLesotho()
    expect(licence.licence_number).toMatch(new RegExp(`^LRA-${today.slice(0, 4)}-\\d{5}$`))
    expect(licence.issued_on).toBe(today)
    expect(licence.expires_on).toBe(addDays(addMonths(today, 12), -1))
    const events = await registry.db
      .selectFrom('licence_events')
      .select('event')
      .where('agency_id', '=', id)
      .orderBy('id')
      .execute()
    expect(events.map((e) => e.event)).toEqual([
      'agency_registered',
      'application_submitted',
      'application_approved',
      'licence_issued',
    ])
    const audit = await registry.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'licence')
      .where('entity_id', '=', licence.id)
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['licence.issued'])
  })

  it('never reuses a number: each approval takes the next in the year', async () => {
    const a = await register(officer.client, agencyForm())
    const b = await register(officer.client, agencyForm())
    await applyAndApprove(officer.client, a)
    await applyAndApprove(officer.client, b)
    const [la, lb] = [await licenceOf(a), await licenceOf(b)]
    expect(Number(lb.licence_number.slice(-5))).toBe(Number(la.licence_number.slice(-5)) + 1)
  })

  it('applies exactly one of two concurrent decisions on one application', async () => {
    const id = await register(officer.client, agencyForm())
    const applied = await officer.client.post(`/agencies/${id}/applications`, { registration_seen: 'on' })
    const applicationId = applied.headers.get('location')!.match(/applications\/([0-9a-f-]{36})/)![1]!
    const other = await registry.signedInAs('licensing_officer')
    const results = await Promise.all([
      officer.client.post(`/applications/${applicationId}/approve`, {
        version: '1',
        open_items_confirmed: 'on',
      }),
      other.client.post(`/applications/${applicationId}/refuse`, {
        version: '1',
        reason: 'Office not found',
      }),
      other.client.post(`/applications/${applicationId}/approve`, {
        version: '1',
        open_items_confirmed: 'on',
      }),
    ])
    const statuses = results.map((r) => r.status).sort()
    expect(statuses).toEqual([303, 409, 409])
    const conflict = results.find((r) => r.status === 409)!
    expect(await conflict.text()).toContain('Someone else changed this application first')
    const decisions = await registry.db
      .selectFrom('licence_events')
      .select('event')
      .where('application_id', '=', applicationId)
      .where('event', 'in', ['application_approved', 'application_refused'])
      .execute()
    expect(decisions).toHaveLength(1)
    const licences = await registry.db
      .selectFrom('licences')
      .select('id')
      .where('agency_id', '=', id)
      .execute()
    expect(licences.length).toBe(decisions[0]!.event === 'application_approved' ? 1 : 0)
  })

  it('approves with checks not done only when the officer ticks that, naming them; the checklist can be updated', async () => {
    const id = await register(officer.client, agencyForm())
    const applied = await officer.client.post(`/agencies/${id}/applications`, { registration_seen: 'on' })
    const applicationId = applied.headers.get('location')!.match(/applications\/([0-9a-f-]{36})/)![1]!
    const page = await words(await officer.client.get(`/applications/${applicationId}`))
    expect(page).toContain(
      '3 checks are not done: Fit-and-proper checks of the principal and directors done Office visited',
    )
    expect(page).toContain('Approve although these checks are not done')

    const unconfirmed = await officer.client.post(`/applications/${applicationId}/approve`, { version: '1' })
    expect(unconfirmed.status).toBe(422)
    expect(await words(unconfirmed)).toContain(
      'Tick to approve although these checks are not done: Fit-and-proper checks of the principal and directors done; Office visited; Declaration signed',
    )
    expect(
      await registry.db.selectFrom('licences').select('id').where('agency_id', '=', id).execute(),
    ).toEqual([])

    // The office visit happens after the application was recorded: the checklist is updated.
    const updated = await officer.client.post(`/applications/${applicationId}/checklist`, {
      version: '1',
      registration_seen: 'on',
      office_visited: 'on',
      fit_and_proper_checked: 'on',
      fee_free_declaration_signed: 'on',
      checklist_notes: 'Visited the office in Hlotse on 3 December',
    })
    expect(updated.status).toBe(303)
    const after = await words(await officer.client.get(updated.headers.get('location')!))
    expect(after).toContain('The checklist has been updated.')
    expect(after).toContain('✓ Done: Office visited')
    expect(after).not.toContain('Approve although')
    const audit = await registry.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', applicationId)
      .execute()
    expect(audit.map((a) => a.action)).toContain('application.checklist_updated')
    // A checklist form from before the update changes nothing.
    const stale = await officer.client.post(`/applications/${applicationId}/checklist`, { version: '1' })
    expect(stale.status).toBe(409)
    // All done: approved without the extra tick.
    const approved = await officer.client.post(`/applications/${applicationId}/approve`, { version: '2' })
    expect(approved.status).toBe(303)
    expect(
      await registry.db.selectFrom('licences').select('id').where('agency_id', '=', id).execute(),
    ).toHaveLength(1)
    const decided = await officer.client.post(`/applications/${applicationId}/checklist`, { version: '3' })
    expect(decided.status).toBe(409)
  })

  it('keeps one application awaiting decision per agency, even on a double submit', async () => {
    const id = await register(officer.client, agencyForm())
    const [a, b] = await Promise.all([
      officer.client.post(`/agencies/${id}/applications`, {}),
      officer.client.post(`/agencies/${id}/applications`, {}),
    ])
    expect(a.status).toBe(303)
    expect(b.status).toBe(303)
    const pending = await registry.db
      .selectFrom('licence_applications')
      .select('id')
      .where('agency_id', '=', id)
      .execute()
    expect(pending).toHaveLength(1)
  })

  it('refuses with a reason only, after a confirmation page', async () => {
    const id = await register(officer.client, agencyForm())
    const applied = await officer.client.post(`/agencies/${id}/applications`, {})
    const applicationId = applied.headers.get('location')!.match(/applications\/([0-9a-f-]{36})/)![1]!
    const confirm = await officer.client.get(`/applications/${applicationId}/refuse`)
    expect(await confirm.text()).toContain('will not be licensed')
    const noReason = await officer.client.post(`/applications/${applicationId}/refuse`, {
      version: '1',
      reason: '',
    })
    expect(noReason.status).toBe(422)
    expect(await noReason.text()).toContain('Enter the reason for refusing')
    const refused = await officer.client.post(`/applications/${applicationId}/refuse`, {
      version: '1',
      reason: 'False documents',
    })
    expect(refused.status).toBe(303)
    const page = await (await officer.client.get(`/agencies/${id}`)).text()
    expect(page).toContain('Application refused')
    expect(page).toContain('False documents')
  })

  it('suspends (reason required), reinstates, and revokes for good', async () => {
    const id = await register(officer.client, agencyForm())
    await applyAndApprove(officer.client, id)
    let licence = await licenceOf(id)
    const noReason = await officer.client.post(`/agencies/${id}/licence/suspend`, {
      version: String(licence.version),
      reason: ' ',
    })
    expect(noReason.status).toBe(422)
    expect(await noReason.text()).toContain('Enter the reason for this decision')
    const past = await officer.client.post(`/agencies/${id}/licence/suspend`, {
      version: String(licence.version),
      reason: 'Inspection found fees',
      suspended_until: '2020-01-01',
    })
    expect(past.status).toBe(422)

    expect(
      (
        await officer.client.post(`/agencies/${id}/licence/suspend`, {
          version: String(licence.version),
          reason: 'Inspection found fees',
          public_reason: 'recruitment_fees',
        })
      ).status,
    ).toBe(303)
    licence = await licenceOf(id)
    expect(licence.status).toBe('suspended')
    const stale = await officer.client.post(`/agencies/${id}/licence/reinstate`, {
      version: '1',
      reason: 'Refunds paid',
    })
    expect(stale.status).toBe(409)
    expect(await stale.text()).toContain(officer.email)
    expect(
      (
        await officer.client.post(`/agencies/${id}/licence/reinstate`, {
          version: String(licence.version),
          reason: 'Refunds paid',
        })
      ).status,
    ).toBe(303)
    licence = await licenceOf(id)
    expect(licence.status).toBe('active')
    // Revocation has no direct action: it comes through a notice.
    expect((await officer.client.get(`/agencies/${id}/licence/revoke`)).status).toBe(404)
    await revokeThroughNotice(officer.client, id, 'Fraud')
    licence = await licenceOf(id)
    const again = await officer.client.post(`/agencies/${id}/licence/reinstate`, {
      version: String(licence.version),
      reason: 'x',
    })
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('A revoked licence cannot be reinstated.')
    const events = await registry.db
      .selectFrom('licence_events')
      .select(['event', 'from_status', 'to_status', 'reason'])
      .where('licence_id', '=', licence.id)
      .orderBy('id')
      .execute()
    expect(events.slice(-5)).toEqual([
      {
        event: 'licence_suspended',
        from_status: 'active',
        to_status: 'suspended',
        reason: 'Inspection found fees',
      },
      { event: 'licence_reinstated', from_status: 'suspended', to_status: 'active', reason: 'Refunds paid' },
      {
        event: 'notice_revoke_given',
        from_status: null,
        to_status: null,
        reason: expect.stringContaining('Fraud'),
      },
      { event: 'notice_representations', from_status: null, to_status: null, reason: 'The agency denies it' },
      {
        event: 'licence_revoked',
        from_status: 'active',
        to_status: 'revoked',
        reason: 'After notice: Fraud',
      },
    ])
  })

  it('renews: approval extends the expiry by 12 months', async () => {
    const id = await register(officer.client, agencyForm())
    await applyAndApprove(officer.client, id)
    const before = await licenceOf(id)
    await applyAndApprove(officer.client, id)
    const after = await licenceOf(id)
    expect(after.licence_number).toBe(before.licence_number)
    expect(after.expires_on).toBe(addDays(addMonths(addDays(before.expires_on, 1), 12), -1))
  })

  it('adds conditions with due dates and marks them met', async () => {
    const id = await register(officer.client, agencyForm())
    await applyAndApprove(officer.client, id)
    const bad = await officer.client.post(`/agencies/${id}/conditions`, { condition: '', due_on: 'soon' })
    expect(bad.status).toBe(422)
    const due = addDays(todayInLesotho(), 30)
    expect(
      (
        await officer.client.post(`/agencies/${id}/conditions`, {
          condition: 'Refund fees to 12 workers',
          due_on: due,
        })
      ).status,
    ).toBe(303)
    const cond = await registry.db.selectFrom('licence_conditions').selectAll().executeTakeFirstOrThrow()
    expect(
      (await officer.client.post(`/agencies/${id}/conditions/${cond.id}/met`, { version: '1' })).status,
    ).toBe(303)
    expect(
      (await officer.client.post(`/agencies/${id}/conditions/${cond.id}/met`, { version: '1' })).status,
    ).toBe(409)
    const page = await (await officer.client.get(`/agencies/${id}`)).text()
    expect(page).toContain('Condition met')
  })

  it('prints a certificate with the fee statement and a QR code for the verify URL', async () => {
    const id = await register(officer.client, agencyForm())
    await applyAndApprove(officer.client, id)
    const licence = await licenceOf(id)
    const res = await officer.client.get(`/agencies/${id}/certificate`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain(licence.licence_number)
    expect(html).toContain('may not charge workers any recruitment fee')
    expect(html).toContain(`/verify/${licence.licence_number}`)
    expect(html).toMatch(/<svg[^>]*viewBox/)
  })

  it('marks the certificate of a licence not in force NOT VALID across it, and the verify page says since when', async () => {
    const id = await register(officer.client, agencyForm({ legal_name: 'Suspended Certificate Recruiters' }))
    await applyAndApprove(officer.client, id)
    const licence = await licenceOf(id)
    const suspendedUntil = addDays(todayInLesotho(), 60)
    const suspended = await officer.client.post(`/agencies/${id}/licence/suspend`, {
      version: String(licence.version),
      reason: 'Fees charged to workers',
      public_reason: 'recruitment_fees',
      suspended_until: suspendedUntil,
    })
    expect(suspended.status).toBe(303)
    const res = await officer.client.get(`/agencies/${id}/certificate`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('NOT VALID: suspended')
    expect(html).not.toContain('Someone else changed this first')
    expect(html).toContain(`/verify/${licence.licence_number}`)
    const verify = (await (await registry.app.request(`/verify/${licence.licence_number}`)).text())
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
    expect(verify).toContain('Suspended since')
    expect(verify).toContain('Suspended until')
    expect(verify).not.toContain('Valid until')
    // An analyst reads the agency but prints no certificate.
    const analyst = await registry.signedInAs('analyst')
    expect((await analyst.client.get(`/agencies/${id}/certificate`)).status).toBe(403)
    expect(await (await analyst.client.get(`/agencies/${id}`)).text()).not.toContain('Print the certificate')
  })

  it('lists renewal reminders at 3 and 6 weeks and expired licences', async () => {
    const id = await register(officer.client, agencyForm({ legal_name: 'Soon Expiring Recruiters' }))
    await applyAndApprove(officer.client, id)
    await registry.db
      .updateTable('licences')
      .set({ expires_on: addDays(todayInLesotho(), 10) })
      .where('agency_id', '=', id)
      .execute()
    const html = await (await officer.client.get('/licensing')).text()
    const section = html.slice(
      html.indexOf('Expiring within 3 weeks'),
      html.indexOf('Expiring in 3 to 6 weeks'),
    )
    expect(section).toContain('Soon Expiring Recruiters')
  })
})

describe('agency list and edits', () => {
  it('finds agencies despite typos, by licence number, and filters by status', async () => {
    const typo = await (await officer.client.get('/agencies?q=malti+mountin')).text()
    expect(typo).toContain('Maluti Mountain Recruitment (Pty) Ltd')
    expect(typo).toContain('No agency name contains “malti mountin”. These names look similar:')
    await register(officer.client, agencyForm({ legal_name: 'Tšepo Letšeng Staffing' }))
    const unaccented = await (await officer.client.get('/agencies?q=tsepo+letseng')).text()
    expect(unaccented).toContain('Tšepo Letšeng Staffing')
    expect(unaccented).not.toContain('look similar')
    const fragment = await (await officer.client.get('/agencies?q=mountain+recr')).text()
    expect(fragment).toContain('Maluti Mountain Recruitment (Pty) Ltd')
    expect(fragment).not.toContain('look similar')
    const licence = await registry.db
      .selectFrom('licences')
      .select('licence_number')
      .executeTakeFirstOrThrow()
    const byNumber = await officer.client.get(`/agencies?q=${licence.licence_number}`)
    expect(await byNumber.text()).toContain(licence.licence_number)
    const revoked = await (await officer.client.get('/agencies?standing=revoked')).text()
    expect(revoked).toContain('✕</span> Revoked')
    expect(revoked).not.toContain('✓</span> Licensed')
    const partial = await officer.client.get('/agencies?q=maluti', { 'hx-request-type': 'partial' })
    expect((await partial.text()).startsWith('<div id="agency-results"')).toBe(true)
    expect((await officer.client.get('/agencies?standing=bogus')).status).toBe(422)
  })

  it('gives 409 to the second of two officers editing the same agency, naming who changed it', async () => {
    const form = agencyForm()
    const id = await register(officer.client, form)
    const other = await registry.signedInAs('admin')
    expect(
      (await officer.client.post(`/agencies/${id}/edit`, { ...form, version: '1', phone: '+266 5999 0000' }))
        .status,
    ).toBe(303)
    const late = await other.client.post(`/agencies/${id}/edit`, {
      ...form,
      version: '1',
      phone: '+266 6000 1111',
    })
    expect(late.status).toBe(409)
    expect(await late.text()).toContain(officer.email)
    const agency = await registry.db
      .selectFrom('agencies')
      .select('phone')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(agency.phone).toBe('+266 5999 0000')
  })

  it('refuses a bad edit with 422, keeping what was typed and changing nothing', async () => {
    const form = agencyForm()
    const id = await register(officer.client, form)
    const res = await officer.client.post(`/agencies/${id}/edit`, {
      ...form,
      version: '1',
      legal_name: '',
      phone: '+266 5111 2222',
    })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('Enter the legal name')
    expect(html).toContain('value="+266 5111 2222"')
    const agency = await registry.db
      .selectFrom('agencies')
      .select(['legal_name', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(agency).toEqual({ legal_name: form.legal_name, version: 1 })
  })

  it('queues applications oldest first, by district, with days waiting', async () => {
    const maseru = await register(
      officer.client,
      agencyForm({ legal_name: 'Queue Maseru Recruiters', district: 'Maseru' }),
    )
    const quthing = await register(
      officer.client,
      agencyForm({ legal_name: 'Queue Quthing Recruiters', district: 'Quthing' }),
    )
    await officer.client.post(`/agencies/${maseru}/applications`, {})
    await officer.client.post(`/agencies/${quthing}/applications`, {})
    await sql`update licence_applications set submitted_at = now() - interval '9 days' where agency_id = ${quthing}`.execute(
      registry.db,
    )
    const all = await (await officer.client.get('/applications')).text()
    expect(all.indexOf('Queue Quthing Recruiters')).toBeLessThan(all.indexOf('Queue Maseru Recruiters'))
    expect(all).toMatch(/Queue Quthing Recruiters[\s\S]*?<td>9<\/td>/)
    const quthingOnly = await (await officer.client.get('/applications?district=Quthing')).text()
    expect(quthingOnly).toContain('Queue Quthing Recruiters')
    expect(quthingOnly).not.toContain('Queue Maseru Recruiters')
  })

  it('lets an inspector read the register but not change it', async () => {
    const inspector = await registry.signedInAs('inspector')
    expect((await inspector.client.get('/agencies')).status).toBe(200)
    expect((await inspector.client.post('/agencies', agencyForm())).status).toBe(403)
    const application = await registry.db
      .selectFrom('licence_applications')
      .select('id')
      .executeTakeFirstOrThrow()
    const page = await (await inspector.client.get(`/applications/${application.id}`)).text()
    expect(page).toContain('Checklist')
    expect(page).not.toMatch(/Approve (and issue|the renewal)/)
    expect(page).not.toContain('Record withdrawal')
  })
})
