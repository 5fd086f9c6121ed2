import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, todayInLesotho } from '../../src/time.js'
import { insertPublicFixture } from '../support/public-fixtures.js'
import { createTestRegistry } from '../support/registry.js'

// Due process: a notice of intended action, the agency's representations, the decision; the
// immediate suspension of urgent cases; what the public is told (a category, never the grounds).

let registry: Awaited<ReturnType<typeof createTestRegistry>>
let officer: Awaited<ReturnType<typeof registry.signedInAs>>
beforeAll(async () => {
  registry = await createTestRegistry()
  officer = await registry.signedInAs('licensing_officer')
})
afterAll(() => registry.close())

const words = async (res: Response) => (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
const today = () => todayInLesotho()
const GROUNDS = 'Complaints C-7KQ3-X9PD and C-8TTT-2QWE substantiated: M300 induction fees'

async function giveNotice(agencyId: string, action: 'suspend' | 'revoke', respondBy = addDays(today(), 21)) {
  const res = await officer.client.post(`/agencies/${agencyId}/notices`, {
    action,
    grounds: GROUNDS,
    public_reason: 'recruitment_fees',
    respond_by: respondBy,
  })
  expect(res.status).toBe(303)
  return res.headers.get('location')!.split('?')[0]!.split('/').pop()!
}
const noticeVersion = async (id: string) =>
  String(
    (
      await registry.db
        .selectFrom('licence_notices')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).version,
  )
const licenceOf = (agencyId: string) =>
  registry.db.selectFrom('licences').selectAll().where('agency_id', '=', agencyId).executeTakeFirstOrThrow()

describe('a notice of intended action', () => {
  it('changes nothing for the licence and tells the public nothing until the officer proceeds', async () => {
    const { agencyId, licenceNumber } = await insertPublicFixture(registry.db, {
      name: 'Notice Given Recruiters',
      standing: 'licensed',
    })
    const form = await words(await officer.client.get(`/agencies/${agencyId}/notices/new?action=suspend`))
    expect(form).toContain('Give notice of intended suspension')
    const noGrounds = await officer.client.post(`/agencies/${agencyId}/notices`, {
      action: 'suspend',
      grounds: '',
      public_reason: 'recruitment_fees',
      respond_by: addDays(today(), 21),
    })
    expect(noGrounds.status).toBe(422)
    expect(await noGrounds.text()).toContain('Enter the reason for the intended action')

    const hurried = await officer.client.post(`/agencies/${agencyId}/notices`, {
      action: 'suspend',
      grounds: GROUNDS,
      public_reason: 'recruitment_fees',
      respond_by: addDays(today(), 3),
    })
    expect(hurried.status).toBe(422)
    expect(await hurried.text()).toContain('Give the agency at least 7 days')
    const id = await giveNotice(agencyId, 'suspend')
    expect((await licenceOf(agencyId)).status).toBe('active')
    const verify = await words(await registry.app.request(`/verify/${licenceNumber}`))
    expect(verify).toContain('Licensed until')
    expect(verify).not.toContain('induction fees')

    // The licensing office sees it with the days left.
    const page = await words(await officer.client.get(`/notices/${id}`))
    expect(page).toContain('21 days left')
    expect(await words(await officer.client.get('/licensing'))).toContain('Notice Given Recruiters')

    // Proceeding needs the agency's answer first; "none came" only once the date has passed.
    const early = await officer.client.post(`/notices/${id}/decide`, {
      version: await noticeVersion(id),
      decision: 'proceed',
      reason: 'No answer',
    })
    expect(early.status).toBe(409)
    expect(await words(early)).toContain('Record the agency’s representations first')
    const none = await officer.client.post(`/notices/${id}/representations`, {
      version: await noticeVersion(id),
      answer: 'none',
    })
    expect(none.status).toBe(409)
    expect(await words(none)).toContain('can be recorded only after that day')

    // Received before the notice, or on a day still to come: refused, so the time cannot be cut short.
    for (const receivedOn of [addDays(today(), -3), addDays(today(), 5)]) {
      const wrong = await officer.client.post(`/notices/${id}/representations`, {
        version: await noticeVersion(id),
        answer: 'received',
        representations: 'Early answer',
        received_on: receivedOn,
      })
      expect(wrong.status).toBe(409)
      expect(await words(wrong)).toContain('Representations are received between the notice')
    }
    const answered = await officer.client.post(`/notices/${id}/representations`, {
      version: await noticeVersion(id),
      answer: 'received',
      representations: 'The fees were refunded; receipts attached',
      received_on: today(),
    })
    expect(answered.status).toBe(303)
    const proceed = await officer.client.post(`/notices/${id}/decide`, {
      version: await noticeVersion(id),
      decision: 'proceed',
      reason: 'Refunds were partial; fees were charged',
    })
    expect(proceed.status).toBe(303)
    expect((await licenceOf(agencyId)).status).toBe('suspended')

    const after = await words(await registry.app.request(`/verify/${licenceNumber}`))
    expect(after).toContain('Suspended')
    expect(after).not.toContain('pending investigation')
    expect(after).toContain('Reason Charged workers recruitment fees')
    expect(after).not.toContain('induction fees')
    expect(after).not.toContain('Refunds were partial')
    const st = await words(await registry.app.request(`/verify/${licenceNumber}?lang=st`))
    expect(st).toContain('O lefisitse basebetsi chelete ea ho ba batlela mesebetsi')
    const api = (await (await registry.app.request(`/api/v1/licences/${licenceNumber}`)).json()) as Record<
      string,
      unknown
    >
    expect(api).toMatchObject({
      status: 'suspended',
      status_reason: 'recruitment_fees',
      pending_investigation: false,
    })

    const audit = await registry.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual([
      'licence.notice_given',
      'licence.notice_representations',
      'licence.notice_proceeded',
    ])
  })

  it('takes “none received” once the date has passed, and a withdrawal leaves the licence as it was', async () => {
    const { agencyId } = await insertPublicFixture(registry.db, {
      name: 'Notice Withdrawn Agency',
      standing: 'licensed',
    })
    const id = await giveNotice(agencyId, 'revoke')
    await registry.db
      .updateTable('licence_notices')
      .set({ respond_by: addDays(today(), -1) })
      .where('id', '=', id)
      .execute()
    expect(await words(await officer.client.get('/licensing'))).toContain('Ready to decide')
    const none = await officer.client.post(`/notices/${id}/representations`, {
      version: await noticeVersion(id),
      answer: 'none',
    })
    expect(none.status).toBe(303)
    // A second notice while one is open is refused.
    const second = await officer.client.post(`/agencies/${agencyId}/notices`, {
      action: 'suspend',
      grounds: 'Other grounds',
      public_reason: 'deception',
      respond_by: addDays(today(), 21),
    })
    expect(second.status).toBe(409)
    expect(await words(second)).toContain('already open')
    const stale = await officer.client.post(`/notices/${id}/decide`, {
      version: '1',
      decision: 'withdraw',
      reason: 'x',
    })
    expect(stale.status).toBe(409)
    const withdrawn = await officer.client.post(`/notices/${id}/decide`, {
      version: await noticeVersion(id),
      decision: 'withdraw',
      reason: 'The employer confirmed the fees were its own deductions, refunded',
    })
    expect(withdrawn.status).toBe(303)
    expect((await licenceOf(agencyId)).status).toBe('active')
    const page = await words(await officer.client.get(`/notices/${id}`))
    expect(page).toContain('Withdrawn')
    expect(page).toContain('None received by')
  })

  it('rests on the agency’s substantiated complaints the officer ticks, and on no other agency’s', async () => {
    const { agencyId } = await insertPublicFixture(registry.db, {
      name: 'Grounds Linked Agency',
      standing: 'licensed',
    })
    const { agencyId: otherAgency } = await insertPublicFixture(registry.db, {
      name: 'Other Agency',
      standing: 'licensed',
    })
    const complaint = async (agency: string, reference: string) =>
      (
        await registry.db
          .insertInto('complaints')
          .values({
            reference,
            submission_key: `key-${reference}`,
            agency_id: agency,
            description: 'Paid M300 for an induction workshop',
            language: 'en',
            categories: ['recruitment_fee'],
            status: 'decided',
            outcome: 'substantiated',
            proven_categories: ['recruitment_fee'],
            decided_at: new Date(),
          } as never)
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    const own = await complaint(agencyId, 'C-GRND-0001')
    const foreign = await complaint(otherAgency, 'C-GRND-0002')
    const form = await words(await officer.client.get(`/agencies/${agencyId}/notices/new?action=suspend`))
    expect(form).toContain('Complaint C-GRND-0001, found true')
    expect(form).not.toContain('C-GRND-0002')
    const res = await officer.client.post(`/agencies/${agencyId}/notices`, {
      action: 'suspend',
      grounds: 'The complaint ticked below',
      complaint_ids: [own, foreign],
      public_reason: 'recruitment_fees',
      respond_by: addDays(today(), 21),
    })
    expect(res.status).toBe(303)
    const id = res.headers.get('location')!.split('?')[0]!.split('/').pop()!
    const stored = await registry.db
      .selectFrom('licence_notices')
      .select('complaint_ids')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(stored.complaint_ids).toEqual([own])
    expect(await words(await officer.client.get(`/notices/${id}`))).toMatch(
      /Complaint C-GRND-0001 ?, found true/,
    )
    // The reference is the reporter's key: other staff read that a complaint is linked, not which.
    const analyst = await registry.signedInAs('analyst')
    const seen = await words(await analyst.client.get(`/notices/${id}`))
    expect(seen).toContain('A complaint, found true')
    expect(seen).not.toContain('C-GRND-0001')
  })

  it('records one notice when the same form is sent twice', async () => {
    const { agencyId } = await insertPublicFixture(registry.db, {
      name: 'Double Notice Agency',
      standing: 'licensed',
    })
    const form = {
      action: 'suspend',
      grounds: GROUNDS,
      public_reason: 'recruitment_fees',
      respond_by: addDays(today(), 21),
    }
    const [a, b] = [
      await officer.client.post(`/agencies/${agencyId}/notices`, form),
      await officer.client.post(`/agencies/${agencyId}/notices`, form),
    ]
    expect(a.headers.get('location')?.split('?')[0]).toBe(b.headers.get('location')?.split('?')[0])
    const notices = await registry.db
      .selectFrom('licence_notices')
      .select('id')
      .where('agency_id', '=', agencyId)
      .execute()
    expect(notices).toHaveLength(1)
  })

  it('lets only the licensing office give and decide notices, and every staff role read them', async () => {
    const { agencyId } = await insertPublicFixture(registry.db, {
      name: 'Rights Notice Agency',
      standing: 'licensed',
    })
    const id = await giveNotice(agencyId, 'suspend')
    for (const role of ['inspector', 'police_officer', 'analyst'] as const) {
      const other = await registry.signedInAs(role)
      expect((await other.client.get(`/notices/${id}`)).status).toBe(200)
      expect(
        (
          await other.client.post(`/notices/${id}/decide`, {
            version: '1',
            decision: 'withdraw',
            reason: 'x',
          })
        ).status,
      ).toBe(403)
    }
  })
})

describe('an immediate suspension and public conditions', () => {
  it('shows the public “Suspended pending investigation” with the reason chosen, in both languages', async () => {
    const { agencyId, licenceNumber } = await insertPublicFixture(registry.db, {
      name: 'Urgent Case Recruiters',
      standing: 'licensed',
    })
    const licence = await licenceOf(agencyId)
    const noReason = await officer.client.post(`/agencies/${agencyId}/licence/suspend`, {
      version: String(licence.version),
      reason: 'Workers found locked in a hostel',
    })
    expect(noReason.status).toBe(422)
    expect(await noReason.text()).toContain('Choose what the public is told')
    const res = await officer.client.post(`/agencies/${agencyId}/licence/suspend`, {
      version: String(licence.version),
      reason: 'Workers found locked in a hostel',
      public_reason: 'documents_retained',
    })
    expect(res.status).toBe(303)
    const verify = await words(await registry.app.request(`/verify/${licenceNumber}`))
    expect(verify).toContain('Suspended pending investigation')
    expect(verify).toContain('Kept workers’ passports or identity documents')
    expect(verify).not.toContain('locked in a hostel')
    expect(await words(await registry.app.request(`/verify/${licenceNumber}?lang=st`))).toContain(
      'Laesense e emisitsoe ha ho ntse ho batlisisoa',
    )
    const reinstated = await officer.client.post(`/agencies/${agencyId}/licence/reinstate`, {
      version: String((await licenceOf(agencyId)).version),
      reason: 'Investigation closed',
    })
    expect(reinstated.status).toBe(303)
    const after = await licenceOf(agencyId)
    expect(after).toMatchObject({ status: 'active', public_reason: null, pending_investigation: false })
  })

  it('shows a condition to the public only in the wording written for the public', async () => {
    const { agencyId, licenceNumber } = await insertPublicFixture(registry.db, {
      name: 'Conditioned Recruiters',
      standing: 'licensed',
    })
    for (const [condition, publicWording] of [
      [
        'Quarterly audit of fee receipts by the district office',
        'May recruit only for farms in the Free State',
      ],
      ['Retrain the clerk who took the M300 payments', ''],
    ])
      expect(
        (
          await officer.client.post(`/agencies/${agencyId}/conditions`, {
            condition: condition!,
            due_on: addDays(today(), 90),
            public_wording: publicWording!,
          })
        ).status,
      ).toBe(303)
    const verify = await words(await registry.app.request(`/verify/${licenceNumber}`))
    expect(verify).toContain('Conditions of the licence May recruit only for farms in the Free State')
    expect(verify).not.toContain('Quarterly audit')
    expect(verify).not.toContain('Retrain the clerk')
  })
})
