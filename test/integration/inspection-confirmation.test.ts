import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRegistry, type TestClient } from '../support/registry.js'

// "Confirmed by both services": a labour inspector's record confirmed by the police officer on
// the team, on the officer's own account or by their password on the inspector's phone.

let registry: Awaited<ReturnType<typeof createTestRegistry>>
type Signed = Awaited<ReturnType<typeof registry.signedInAs>>
let inspector: Signed
let police: Signed
let worksiteId = ''

const words = async (res: Response) => (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
const idOf = (res: Response) => res.headers.get('location')!.split('/').pop()!.split('?')[0]!

beforeAll(async () => {
  registry = await createTestRegistry()
  inspector = await registry.signedInAs('inspector')
  police = await registry.signedInAs('police_officer')
  const site = await inspector.client.post('/worksites', {
    name: 'Ha Ramabanta Poultry',
    kind: 'farm',
    sector: 'agriculture',
    district: 'Maseru',
    village: 'Ramabanta',
  })
  worksiteId = idOf(site)
})
afterAll(() => registry.close())

async function submitted(by: TestClient = inspector.client, extra: Record<string, string> = {}) {
  const res = await by.post('/inspections', {
    idempotency_key: randomBytes(18).toString('base64url'),
    worksite_id: worksiteId,
    visited_at: '2026-11-20T10:00',
    type: 'joint_operation',
    lead_inspector: inspector.user.name,
    police_1_name: `Sgt ${police.user.name}`,
    police_1_service_number: 'LMPS 40213',
    workers_present: '12',
    outcome: 'no_issue',
    action: 'submit',
    ...extra,
  })
  expect(res.status).toBe(303)
  return idOf(res)
}

const versionOf = async (id: string) =>
  (
    await registry.db
      .selectFrom('inspections')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).version
const confirmations = (id: string) =>
  registry.db.selectFrom('inspection_confirmations').selectAll().where('inspection_id', '=', id).execute()
const auditOf = (id: string) =>
  registry.db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity_id', '=', id)
    .where('action', '=', 'inspection.confirmed')
    .execute()
const sessionsOf = async (userId: string) =>
  (await registry.db.selectFrom('sessions').select('user_id').where('user_id', '=', userId).execute()).length

describe('confirming a record by both services', () => {
  it('is confirmed once by the police officer on their own account, audited, and shown on the record', async () => {
    const id = await submitted()
    expect(await words(await inspector.client.get(`/inspections/${id}`))).toContain(
      'Not yet confirmed by the other service on the team',
    )
    // The officer named on the team finds it on their home page.
    const home = await police.client.get('/staff')
    expect(await home.text()).toContain(`href="/inspections/${id}"`)
    const page = await words(await police.client.get(`/inspections/${id}/confirm`))
    expect(page).toContain(`You confirm as ${police.user.name} (police)`)
    const res = await police.client.post(`/inspections/${id}/confirm`, {
      version: String(await versionOf(id)),
    })
    expect(res.status).toBe(303)
    expect(await words(await inspector.client.get(`/inspections/${id}`))).toContain(
      `Confirmed by ${inspector.user.name} (labour) and ${police.user.name} (police)`,
    )
    const [entry] = await auditOf(id)
    expect(entry?.actor_id).toBe(police.user.id)
    expect(entry?.after).toMatchObject({ method: 'own_account', service: 'police', on_device_of: null })
    expect(await (await police.client.get('/staff')).text()).not.toContain(`href="/inspections/${id}"`)

    // A second confirmation, a resend or a double click, changes nothing and says why.
    const again = await police.client.post(`/inspections/${id}/confirm`, {
      version: String(await versionOf(id)),
    })
    expect(again.status).toBe(409)
    expect(await words(again)).toContain('already been confirmed by both services')
    expect(await confirmations(id)).toHaveLength(1)
    expect(await auditOf(id)).toHaveLength(1)
  })

  it('takes the officer’s password on the inspector’s phone, through the throttle, opening no session', async () => {
    const id = await submitted()
    const version = String(await versionOf(id))
    const form = await words(await inspector.client.get(`/inspections/${id}/confirm`))
    expect(form).toContain('The police officer on the team confirms here')
    const sessionsBefore = await sessionsOf(police.user.id)

    const wrong = await inspector.client.post(`/inspections/${id}/confirm`, {
      version,
      email: police.email,
      password: 'not the password at all',
    })
    expect(wrong.status).toBe(401)
    const wrongPage = await wrong.text()
    expect(wrongPage).toContain('The email address or password is not right')
    expect(wrongPage).toContain(`value="${police.email}"`)
    expect(wrongPage).not.toContain('not the password at all')
    expect(await confirmations(id)).toHaveLength(0)

    const missing = await inspector.client.post(`/inspections/${id}/confirm`, {
      version,
      email: police.email,
    })
    expect(missing.status).toBe(422)
    expect(await missing.text()).toContain('Enter the password of the officer confirming')

    const right = await inspector.client.post(`/inspections/${id}/confirm`, {
      version,
      email: police.email,
      password: police.password,
    })
    expect(right.status).toBe(303)
    expect(right.headers.get('set-cookie') ?? '').not.toContain('session=')
    expect(await sessionsOf(police.user.id)).toBe(sessionsBefore)
    const [entry] = await auditOf(id)
    expect(entry?.actor_id).toBe(police.user.id)
    expect(entry?.after).toMatchObject({ method: 'password_on_device', service: 'police' })
    expect(String((entry!.after as { on_device_of: string }).on_device_of)).toContain(inspector.user.name)
    // The inspector's own session is still theirs.
    expect(await words(await inspector.client.get(`/inspections/${id}`))).toContain(
      '(password given on the recording device)',
    )
    expect(await words(await inspector.client.get('/staff'))).toContain(inspector.user.name)
    expect(JSON.stringify(entry)).not.toContain(police.password)
  })

  it('pauses confirming with an email after repeated wrong passwords, as sign-in does', async () => {
    const target = await registry.createUser('police_officer')
    const id = await submitted(inspector.client, { police_1_name: target.user.name })
    const version = String(await versionOf(id))
    let last = 0
    for (let k = 0; k < 12 && last !== 429; k++) {
      const res = await inspector.client.post(`/inspections/${id}/confirm`, {
        version,
        email: target.email,
        password: `guess number ${k}`,
      })
      last = res.status
    }
    expect(last).toBe(429)
    // Paused, even the right password is refused (as on the sign-in page).
    const right = await inspector.client.post(`/inspections/${id}/confirm`, {
      version,
      email: target.email,
      password: target.password,
    })
    expect(right.status).toBe(429)
    expect(await words(right)).toContain('signing in and confirming with it are paused until')
    expect(await confirmations(id)).toHaveLength(0)
  })

  it('is refused to the wrong service, an inactive account, a stale page and roles that do not record', async () => {
    const id = await submitted()
    const version = String(await versionOf(id))
    const otherInspector = await registry.createUser('inspector')
    const same = await inspector.client.post(`/inspections/${id}/confirm`, {
      version,
      email: otherInspector.email,
      password: otherInspector.password,
    })
    expect(same.status).toBe(422)
    expect(await words(same)).toContain('a police officer on the team must confirm it')

    const gone = await registry.createUser('police_officer')
    await registry.db.updateTable('users').set({ active: false }).where('id', '=', gone.user.id).execute()
    const inactive = await inspector.client.post(
      `/inspections/${await submitted(inspector.client, { police_1_name: gone.user.name })}/confirm`,
      {
        version: '1',
        email: gone.email,
        password: gone.password,
      },
    )
    expect(inactive.status).toBe(403)

    // A police officer not on the team, or one who never chose their own password.
    const stranger = await registry.createUser('police_officer', { name: 'Tumelo Sello' })
    const notOnTeam = await inspector.client.post(`/inspections/${id}/confirm`, {
      version,
      email: stranger.email,
      password: stranger.password,
    })
    expect(notOnTeam.status).toBe(422)
    expect(await words(notOnTeam)).toContain(
      `Tumelo Sello is not among the police officers this record names (Sgt ${police.user.name})`,
    )
    const fresh = await registry.createUser('police_officer', { mustChangePassword: true })
    const oneTime = await inspector.client.post(
      `/inspections/${await submitted(inspector.client, { police_1_name: fresh.user.name })}/confirm`,
      { version: '1', email: fresh.email, password: fresh.password },
    )
    expect(oneTime.status).toBe(422)
    expect(await words(oneTime)).toContain('still has the one-time password')

    // A visit with no police on the team is no joint operation: nothing to confirm, no link.
    const alone = await submitted(inspector.client, { police_1_name: '', police_1_service_number: '' })
    expect(await words(await inspector.client.get(`/inspections/${alone}`))).not.toContain(
      'Confirm it with the other service',
    )
    const noTeam = await police.client.post(`/inspections/${alone}/confirm`, { version: '1' })
    expect(noTeam.status).toBe(422)
    expect(await words(noTeam)).toContain('No police officer is recorded on this inspection’s team')

    // The confirm page was opened before an amendment: the officer would confirm what they did not read.
    const amended = await submitted()
    const opened = String(await versionOf(amended))
    await registry.db
      .updateTable('inspections')
      .set({ version: Number(opened) + 1 })
      .where('id', '=', amended)
      .execute()
    const stale = await police.client.post(`/inspections/${amended}/confirm`, { version: opened })
    expect(stale.status).toBe(409)
    expect(await confirmations(amended)).toHaveLength(0)

    const analyst = await registry.signedInAs('analyst')
    expect((await analyst.client.get(`/inspections/${id}/confirm`)).status).toBe(403)
    expect((await analyst.client.post(`/inspections/${id}/confirm`, { version })).status).toBe(403)
    expect(await confirmations(id)).toHaveLength(0)

    // A police officer's own record is confirmed by a labour inspector.
    const policeRecord = await submitted(police.client)
    const byInspector = await inspector.client.post(`/inspections/${policeRecord}/confirm`, {
      version: String(await versionOf(policeRecord)),
    })
    expect(byInspector.status).toBe(303)
    expect(await words(await police.client.get(`/inspections/${policeRecord}`))).toContain(
      `Confirmed by ${inspector.user.name} (labour) and ${police.user.name} (police)`,
    )
  })

  it('asks for the confirmation again after an amendment', async () => {
    const id = await submitted()
    await police.client.post(`/inspections/${id}/confirm`, { version: String(await versionOf(id)) })
    const amend = await inspector.client.post(`/inspections/${id}/amend`, {
      version: String(await versionOf(id)),
      amendment_reason: 'Workers present was miscounted: 14, not 12.',
      visited_at: '2026-11-20T10:00',
      type: 'joint_operation',
      lead_inspector: inspector.user.name,
      police_1_name: `Sgt ${police.user.name}`,
      police_1_service_number: 'LMPS 40213',
      workers_present: '14',
      outcome: 'no_issue',
    })
    expect(amend.status).toBe(303)
    const page = await words(await inspector.client.get(`/inspections/${id}`))
    expect(page).toContain(
      `Amended after it was confirmed by ${inspector.user.name} (labour) and ${police.user.name} (police)`,
    )
    expect(page).toContain('needs confirming again')
    const again = await police.client.post(`/inspections/${id}/confirm`, {
      version: String(await versionOf(id)),
    })
    expect(again.status).toBe(303)
    expect(await confirmations(id)).toHaveLength(2)
    expect(await words(await inspector.client.get(`/inspections/${id}`))).toContain(
      `Confirmed by ${inspector.user.name} (labour) and ${police.user.name} (police)`,
    )
  })
})
