import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, todayInLesotho } from '../../src/time.js'
import { revokeThroughNotice } from '../support/licence-actions.js'
import { insertPublicFixture } from '../support/public-fixtures.js'
import { createTestRegistry } from '../support/registry.js'

// Appeals: recorded by the licensing office as received, decided by a licensing manager.

let registry: Awaited<ReturnType<typeof createTestRegistry>>
let officer: Awaited<ReturnType<typeof registry.signedInAs>>
let manager: Awaited<ReturnType<typeof registry.signedInAs>>
beforeAll(async () => {
  registry = await createTestRegistry()
  officer = await registry.signedInAs('licensing_officer')
  manager = await registry.signedInAs('licensing_manager')
})
afterAll(() => registry.close())

const words = async (res: Response) => (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
const licenceOf = (agencyId: string) =>
  registry.db.selectFrom('licences').selectAll().where('agency_id', '=', agencyId).executeTakeFirstOrThrow()

async function lodge(agencyId: string, lodgedOn = todayInLesotho()) {
  const form = await (await officer.client.get(`/agencies/${agencyId}/appeals/new`)).text()
  const decision = /<option value="((?:event|application):[^"]+)"/.exec(form)?.[1]
  expect(decision, 'an appealable decision is offered').toBeTruthy()
  return officer.client.post(`/agencies/${agencyId}/appeals`, {
    decision: decision!,
    lodged_on: lodgedOn,
    grounds: 'The complaints were withdrawn by the workers who made them',
  })
}

describe('an appeal against a revocation', () => {
  it('is decided by a licensing manager, and overturned restores the licence with the same expiry', async () => {
    const { agencyId, licenceNumber } = await insertPublicFixture(registry.db, {
      name: 'Appealing Recruiters',
      standing: 'licensed',
    })
    const before = await licenceOf(agencyId)
    await revokeThroughNotice(officer.client, agencyId, 'Fees charged to workers')
    expect((await licenceOf(agencyId)).status).toBe('revoked')
    expect(await words(await officer.client.get(`/agencies/${agencyId}`))).toContain('may be appealed until')

    const lodged = await lodge(agencyId)
    expect(lodged.status).toBe(303)
    const appealId = lodged.headers.get('location')!.split('?')[0]!.split('/').pop()!
    // The officer who decided cannot decide the appeal, nor can an administrator.
    const admin = await registry.signedInAs('admin')
    for (const client of [officer.client, admin.client])
      expect(
        (
          await client.post(`/appeals/${appealId}/decide`, {
            version: '1',
            decision: 'overturn',
            reason: 'x',
          })
        ).status,
      ).toBe(403)
    const page = await words(await manager.client.get(`/appeals/${appealId}`))
    expect(page).toContain('Appeal against the revocation of the licence')
    expect(page).toContain('restores the licence as it was before, with the same expiry')

    const noReason = await manager.client.post(`/appeals/${appealId}/decide`, {
      version: '1',
      decision: 'overturn',
    })
    expect(noReason.status).toBe(422)
    const overturned = await manager.client.post(`/appeals/${appealId}/decide`, {
      version: '1',
      decision: 'overturn',
      reason: 'The findings rested on complaints the workers withdrew',
    })
    expect(overturned.status).toBe(303)
    const after = await licenceOf(agencyId)
    expect(after).toMatchObject({ status: 'active', expires_on: before.expires_on, public_reason: null })
    expect(await words(await registry.app.request(`/verify/${licenceNumber}`))).toContain('Licensed until')
    const events = await registry.db
      .selectFrom('licence_events')
      .select(['event', 'from_status', 'to_status'])
      .where('agency_id', '=', agencyId)
      .orderBy('id')
      .execute()
    expect(events.slice(-3).map((e) => e.event)).toEqual([
      'appeal_lodged',
      'licence_restored',
      'appeal_overturned',
    ])
    const audit = await registry.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', appealId)
      .execute()
    expect(audit.map((a) => a.action).sort()).toEqual(['appeal.lodged', 'appeal.overturned'])
    // The licence's own entry says it was restored, before and after.
    const restored = await registry.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('action', '=', 'licence.restored')
      .where('entity_id', '=', after.id)
      .executeTakeFirstOrThrow()
    expect(restored.before).toMatchObject({ status: 'revoked' })
    expect(restored.after).toMatchObject({ status: 'active', expires_on: before.expires_on })
    // The agency page links the appeal and says how it ended.
    expect(await words(await officer.client.get(`/agencies/${agencyId}`))).toMatch(
      /Appeal against the revocation ?, received .*: allowed/,
    )
    // Decided once.
    const again = await manager.client.post(`/appeals/${appealId}/decide`, {
      version: '2',
      decision: 'uphold',
      reason: 'Second thoughts',
    })
    expect(again.status).toBe(409)
  })

  it('refuses an appeal out of time, and lists the lodged ones for the managers', async () => {
    const { agencyId } = await insertPublicFixture(registry.db, {
      name: 'Late Appeal Agency',
      standing: 'licensed',
    })
    await revokeThroughNotice(officer.client, agencyId, 'Documents retained')
    // The revocation is dated 20 days ago: past the 14 days.
    await sql`update licence_events set at = now() - interval '20 days'
      where agency_id = ${agencyId} and event = 'licence_revoked'`.execute(registry.db)
    const form = await words(await officer.client.get(`/agencies/${agencyId}/appeals/new`))
    expect(form).toContain('No decision of this agency can be appealed now')
    const late = await officer.client.post(`/agencies/${agencyId}/appeals`, {
      decision: 'event:1',
      lodged_on: todayInLesotho(),
      grounds: 'Late',
    })
    expect(late.status).toBe(409)
    expect(await words(late)).toContain('cannot be appealed now')
    expect(await words(await manager.client.get('/appeals'))).toContain('Appealing Recruiters')
    expect(
      (
        await officer.client.post(`/agencies/${agencyId}/appeals`, {
          decision: 'event:1',
          lodged_on: addDays(todayInLesotho(), 3),
          grounds: 'From the future',
        })
      ).status,
    ).toBe(409)
  })
})

describe('an appeal against a refusal', () => {
  it('overturned, returns the application to the queue to be decided again', async () => {
    const { agencyId } = await insertPublicFixture(registry.db, {
      name: 'Refused Then Heard Agency',
      standing: 'pending',
    })
    const application = await registry.db
      .selectFrom('licence_applications')
      .select(['id', 'version'])
      .where('agency_id', '=', agencyId)
      .executeTakeFirstOrThrow()
    const refused = await officer.client.post(`/applications/${application.id}/refuse`, {
      version: String(application.version),
      reason: 'Office not found at the address given',
    })
    expect(refused.status).toBe(303)
    const lodged = await lodge(agencyId)
    expect(lodged.status).toBe(303)
    const appealId = lodged.headers.get('location')!.split('?')[0]!.split('/').pop()!
    const overturned = await manager.client.post(`/appeals/${appealId}/decide`, {
      version: '1',
      decision: 'overturn',
      reason: 'The office had moved; the new address was given in time',
    })
    expect(overturned.status).toBe(303)
    const after = await registry.db
      .selectFrom('licence_applications')
      .select(['status', 'decided_at'])
      .where('id', '=', application.id)
      .executeTakeFirstOrThrow()
    expect(after).toEqual({ status: 'submitted', decided_at: null })
  })
})
