import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findUserByEmail } from '../../src/auth/accounts.js'
import { createTestRegistry, TestClient } from '../support/registry.js'

let registry: Awaited<ReturnType<typeof createTestRegistry>>
let admin: Awaited<ReturnType<typeof registry.signedInAs>>
beforeAll(async () => {
  registry = await createTestRegistry()
  admin = await registry.signedInAs('admin')
})
afterAll(() => registry.close())

function oneTimePassword(html: string): string {
  const match = html.match(/<span class="secret">([a-z0-9-]+)<\/span>/)
  if (!match) throw new Error('no one-time password on the page')
  return match[1]!
}

describe('user administration', () => {
  it('creates a licensing officer who signs in with the one-time password and must choose their own', async () => {
    const res = await admin.client.post('/admin/users', {
      name: 'Thabo Mokhethi',
      email: 'thabo.mokhethi@labour.gov.ls',
      role: 'licensing_officer',
      home_district: 'Leribe',
    })
    expect(res.status).toBe(201)
    const password = oneTimePassword(await res.text())

    const officer = new TestClient(registry.app)
    const login = await officer.post('/login', { email: 'thabo.mokhethi@labour.gov.ls', password })
    expect(login.headers.get('location')).toBe('/account/password')

    const entry = await registry.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.created')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(entry.actor_id).toBe(admin.user.id)
    expect(entry.actor_label).toContain(admin.email)
    expect(entry.after).toMatchObject({ email: 'thabo.mokhethi@labour.gov.ls', role: 'licensing_officer' })
    expect(JSON.stringify(entry)).not.toContain(password)
  })

  it('answers 422 with messages beside the fields and what was typed, saving nothing', async () => {
    const before = await registry.db.selectFrom('users').select('id').execute()
    const res = await admin.client.post('/admin/users', {
      name: 'Lineo <script>alert(1)</script>',
      email: 'not an email',
      role: 'chief',
      home_district: '',
    })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('<title>Error: Create a user')
    expect(html).toContain('Enter an email address in the correct format')
    expect(html).toContain('Select a role')
    expect(html).toContain('Select a home district')
    expect(html).toContain('value="not an email"')
    expect(html).toContain('Lineo &lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toContain('<script>alert(1)')
    expect(await registry.db.selectFrom('users').select('id').execute()).toHaveLength(before.length)
  })

  it('refuses a second account with the same email, whatever its case', async () => {
    const { email } = await registry.createUser('inspector')
    const res = await admin.client.post('/admin/users', {
      name: 'Someone',
      email: email.toUpperCase(),
      role: 'inspector',
      home_district: 'Berea',
    })
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('A user with this email address already exists')
  })

  it('lists users with filters and a partial for htmx', async () => {
    await registry.createUser('police_officer', { name: 'Constable Ntsane' })
    const page = await admin.client.get('/admin/users?role=police_officer')
    const html = await page.text()
    expect(html).toContain('Constable Ntsane')
    expect(html).not.toContain('Test inspector')
    const partial = await admin.client.get('/admin/users?q=ntsane', {
      'hx-request': 'true',
      'hx-request-type': 'partial',
    })
    const fragment = await partial.text()
    expect(fragment.startsWith('<div id="users-results"')).toBe(true)
    expect(fragment).toContain('Constable Ntsane')
    expect(fragment).toContain('>1 user matches these filters</p>')
    expect(partial.headers.get('vary')).toContain('HX-Request-Type')
    const bad = await admin.client.get('/admin/users?role=chief')
    expect(bad.status).toBe(422)
    const refused = await bad.text()
    expect(refused).toContain('Select a role from the list')
    expect(refused).toContain('Correct the filters above to see the list.')
    expect(refused).not.toContain('Constable Ntsane')
  })

  it('changes a role, ends that user’s sessions, and writes before and after to the audit log', async () => {
    const target = await registry.signedInAs('analyst')
    const res = await admin.client.post(`/admin/users/${target.user.id}/role`, {
      role: 'inspector',
      version: '1',
    })
    expect(res.status).toBe(303)
    const user = await findUserByEmail(registry.db, target.email)
    expect(user!.role).toBe('inspector')
    expect((await target.client.get('/staff')).status).toBe(303)
    const entry = await registry.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.role_changed')
      .where('entity_id', '=', target.user.id)
      .executeTakeFirstOrThrow()
    expect(entry.before).toMatchObject({ role: 'analyst' })
    expect(entry.after).toMatchObject({ role: 'inspector' })
  })

  it('gives 409 to the second of two administrators changing the same account, overwriting nothing', async () => {
    const other = await registry.signedInAs('admin')
    const { user } = await registry.createUser('analyst')
    const first = await admin.client.post(`/admin/users/${user.id}/role`, { role: 'inspector', version: '1' })
    expect(first.status).toBe(303)
    const second = await other.client.post(`/admin/users/${user.id}/role`, {
      role: 'police_officer',
      version: '1',
    })
    expect(second.status).toBe(409)
    const html = await second.text()
    expect(html).toContain('Someone else changed this account first')
    expect(html).toContain(`Last change: <strong>Role changed for ${user.name}</strong>, by`)
    expect(html).toContain(admin.email)
    expect((await findUserByEmail(registry.db, user.email))!.role).toBe('inspector')
  })

  it('deactivates an account only with a reason, after a confirmation page, and signs it out', async () => {
    const target = await registry.signedInAs('inspector')
    const confirm = await admin.client.get(`/admin/users/${target.user.id}/deactivate`)
    expect(await confirm.text()).toContain('will be signed out everywhere')
    const noReason = await admin.client.post(`/admin/users/${target.user.id}/deactivate`, {
      version: '1',
      reason: ' ',
    })
    expect(noReason.status).toBe(422)
    expect(await noReason.text()).toContain('Enter why this account is being deactivated')
    expect((await findUserByEmail(registry.db, target.email))!.active).toBe(true)

    const res = await admin.client.post(`/admin/users/${target.user.id}/deactivate`, {
      version: '1',
      reason: 'Left the ministry',
    })
    expect(res.status).toBe(303)
    expect((await target.client.get('/staff')).status).toBe(303)
    const login = await new TestClient(registry.app).post('/login', {
      email: target.email,
      password: target.password,
    })
    expect(login.status).toBe(403)
    expect(await login.text()).toContain('This account has been deactivated')

    const reactivate = await admin.client.post(`/admin/users/${target.user.id}/reactivate`, { version: '2' })
    expect(reactivate.status).toBe(303)
    const again = await new TestClient(registry.app).post('/login', {
      email: target.email,
      password: target.password,
    })
    expect(again.status).toBe(303)
  })

  it('does not let an administrator deactivate or demote themselves', async () => {
    const res = await admin.client.post(`/admin/users/${admin.user.id}/deactivate`, {
      version: '1',
      reason: 'oops',
    })
    expect(res.status).toBe(403)
    const role = await admin.client.post(`/admin/users/${admin.user.id}/role`, {
      role: 'analyst',
      version: '1',
    })
    expect(role.status).toBe(403)
  })

  it('resets a password: the old one stops working and the user must choose a new one', async () => {
    const target = await registry.signedInAs('police_officer')
    const res = await admin.client.post(`/admin/users/${target.user.id}/reset-password`, { version: '1' })
    expect(res.status).toBe(200)
    const password = oneTimePassword(await res.text())
    expect((await target.client.get('/staff')).status).toBe(303)
    const old = await new TestClient(registry.app).post('/login', {
      email: target.email,
      password: target.password,
    })
    expect(old.status).toBe(401)
    const fresh = await new TestClient(registry.app).post('/login', { email: target.email, password })
    expect(fresh.headers.get('location')).toBe('/account/password')
  })

  it('answers 404 for an unknown or malformed user id', async () => {
    expect((await admin.client.get('/admin/users/00000000-0000-4000-8000-000000000000')).status).toBe(404)
    expect((await admin.client.get('/admin/users/not-a-uuid')).status).toBe(404)
  })
})

describe('audit log', () => {
  it('says in words what happened, linking to the record, and is browsable by user, record and dates', async () => {
    const res = await admin.client.get(`/admin/audit?actor=${admin.user.id}&entity=user`)
    expect(res.status).toBe(200)
    const html = await res.text()
    const thabo = await findUserByEmail(registry.db, 'thabo.mokhethi@labour.gov.ls')
    expect(html).toContain(`Account created for <a href="/admin/users/${thabo!.id}">Thabo Mokhethi</a>`)
    expect(html).toMatch(/Role changed for <a href="\/admin\/users\/[0-9a-f-]{36}">/)
    expect(html).not.toContain('user.created')
    expect(html).toMatch(/<option value="user"[^>]*>Staff accounts<\/option>/)
    const future = await admin.client.get('/admin/audit?from=2099-01-01')
    expect(await future.text()).toContain('No entries match these filters')
    const reversed = await admin.client.get('/admin/audit?from=2026-05-02&to=2026-05-01')
    expect(reversed.status).toBe(422)
    expect(await reversed.text()).toContain('To: Choose a date on or after the From date')
    // A kind of record the log does not hold is said so, not shown as an empty log.
    const bogus = await admin.client.get('/admin/audit?entity=bogus')
    expect(bogus.status).toBe(422)
    const refused = await bogus.text()
    expect(refused).toContain(
      'What kind of record: No record of this kind is in the audit log. Select one from the list.',
    )
    expect(refused).not.toContain('No entries match these filters')
  })

  it('refuses to change or delete entries, even for the database owner', async () => {
    const entry = await registry.db.selectFrom('audit_log').select('id').executeTakeFirstOrThrow()
    await expect(
      registry.db.updateTable('audit_log').set({ action: 'tampered' }).where('id', '=', entry.id).execute(),
    ).rejects.toThrow(/append-only/)
    await expect(registry.db.deleteFrom('audit_log').where('id', '=', entry.id).execute()).rejects.toThrow(
      /append-only/,
    )
  })
})
