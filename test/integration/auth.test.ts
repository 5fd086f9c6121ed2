import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app.js'
import { SESSION_COOKIE } from '../../src/auth/guard.js'
import { createTestRegistry, TEST_SECRET, TestClient } from '../support/registry.js'

let registry: Awaited<ReturnType<typeof createTestRegistry>>
beforeAll(async () => {
  registry = await createTestRegistry()
})
afterAll(() => registry.close())

async function auditActions(email: string) {
  const rows = await registry.db
    .selectFrom('audit_log')
    .innerJoin('users', (join) =>
      join.on((eb) => eb(eb.cast('users.id', 'text'), '=', eb.ref('audit_log.entity_id'))),
    )
    .select('audit_log.action')
    .where('users.email', '=', email)
    .orderBy('audit_log.id')
    .execute()
  return rows.map((r) => r.action)
}

describe('signing in and out', () => {
  it('signs in with the right password and reaches the staff home page', async () => {
    const { email, password } = await registry.createUser('inspector', { name: 'Palesa Mokoena' })
    const client = new TestClient(registry.app)
    const res = await client.post('/login', { email: email.toUpperCase(), password })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/staff')
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).not.toMatch(/Secure/i) // served over plain HTTP here
    const home = await client.get('/staff')
    expect(home.status).toBe(200)
    expect(await home.text()).toContain('Welcome, Palesa Mokoena')
    expect(await auditActions(email)).toEqual(['user.signed_in'])
  })

  it('stores only a hash of the session token', async () => {
    const { client } = await registry.signedInAs('analyst')
    const token = client.cookies.get(SESSION_COOKIE)!
    const rows = await registry.db.selectFrom('sessions').select('token_hash').execute()
    expect(rows.some((r) => r.token_hash === token)).toBe(false)
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true)
  })

  it('refuses a wrong password without saying which part was wrong, keeping the email typed', async () => {
    const { email } = await registry.createUser('analyst')
    const res = await new TestClient(registry.app).post('/login', { email, password: 'not the password' })
    expect(res.status).toBe(401)
    const html = await res.text()
    expect(html).toContain('The email address or password is not right')
    expect(html).toContain(`value="${email}"`)
    const unknown = await new TestClient(registry.app).post('/login', {
      email: 'nobody@labour.gov.ls',
      password: 'x',
    })
    expect(await unknown.text()).toContain('The email address or password is not right')
  })

  it('answers 422 with messages beside the fields for an empty form', async () => {
    const res = await new TestClient(registry.app).post('/login', { email: 'not-an-email', password: '' })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('<title>Error: Sign in')
    expect(html).toContain('Enter an email address in the correct format')
    expect(html).toContain('Enter your password')
    expect(html).toContain('value="not-an-email"')
  })

  it('locks an account for 15 minutes after 5 failed attempts, even with the right password', async () => {
    const { email, password } = await registry.createUser('licensing_officer')
    const client = new TestClient(registry.app)
    for (let i = 1; i <= 4; i++) {
      expect((await client.post('/login', { email, password: 'wrong password' })).status).toBe(401)
    }
    const fifth = await client.post('/login', { email, password: 'wrong password' })
    expect(fifth.status).toBe(429)
    expect(await fifth.text()).toContain('locked for 15 minutes after 5 failed sign-in attempts')
    const right = await client.post('/login', { email, password })
    expect(right.status).toBe(429)
    const row = await registry.db
      .selectFrom('users')
      .select('locked_until')
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
    const minutes = (row.locked_until!.getTime() - Date.now()) / 60_000
    expect(minutes).toBeGreaterThan(14)
    expect(minutes).toBeLessThanOrEqual(15)
    expect(await auditActions(email)).toEqual(['user.locked_out'])
  })

  it('counts failures made at different instances against one lockout', async () => {
    const { email, password } = await registry.createUser('inspector')
    // A second app over the same database stands for a second server behind the load balancer.
    const other = createApp({
      db: registry.db,
      config: registry.config,
      logger: (await import('pino')).default({ level: 'silent' }),
      secret: TEST_SECRET,
    })
    const apps = [registry.app, other]
    for (let i = 0; i < 5; i++)
      await new TestClient(apps[i % 2]!).post('/login', { email, password: 'wrong' })
    const res = await new TestClient(other).post('/login', { email, password })
    expect(res.status).toBe(429)
  })

  it('refuses a remembered session the moment another server ends it or changes the account', async () => {
    // Each change is written straight to the database, as another instance would write it:
    // this instance learns of it only through the session epoch.
    const signedIn = async (role: 'inspector' | 'licensing_officer') => {
      const account = await registry.signedInAs(role)
      expect((await account.client.get('/staff')).status).toBe(200)
      return account
    }
    const deactivated = await signedIn('inspector')
    await registry.db
      .updateTable('users')
      .set({ active: false })
      .where('id', '=', deactivated.user.id)
      .execute()
    expect((await deactivated.client.get('/staff')).status).toBe(303)

    const signedOut = await signedIn('inspector')
    await registry.db.deleteFrom('sessions').where('user_id', '=', signedOut.user.id).execute()
    expect((await signedOut.client.get('/staff')).status).toBe(303)

    const demoted = await signedIn('licensing_officer')
    expect((await demoted.client.get('/agencies/new')).status).toBe(200)
    await registry.db
      .updateTable('users')
      .set({ role: 'analyst' })
      .where('id', '=', demoted.user.id)
      .execute()
    expect((await demoted.client.get('/agencies/new')).status).toBe(403)
    // Other people's sessions carry on.
    const bystander = await signedIn('inspector')
    expect((await bystander.client.get('/staff')).status).toBe(200)
  })

  it('lets the account in again once the lockout has passed', async () => {
    const { email, password } = await registry.createUser('inspector')
    await registry.db
      .updateTable('users')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('email', '=', email)
      .execute()
    const res = await new TestClient(registry.app).post('/login', { email, password })
    expect(res.status).toBe(303)
  })

  it('signs out: the session stops working and the cookie is cleared', async () => {
    const { client, email } = await registry.signedInAs('analyst')
    const token = client.cookies.get(SESSION_COOKIE)!
    const res = await client.post('/logout')
    expect(res.status).toBe(303)
    expect(client.cookies.has(SESSION_COOKIE)).toBe(false)
    const replay = new TestClient(registry.app)
    replay.cookies.set(SESSION_COOKIE, token)
    const after = await replay.get('/staff')
    expect(after.status).toBe(303)
    expect(after.headers.get('location')).toBe('/login?next=%2Fstaff')
    expect(await auditActions(email)).toEqual(['user.signed_in', 'user.signed_out'])
  })

  it('ends a session left idle longer than the idle limit, and one older than the absolute limit', async () => {
    const idle = await registry.signedInAs('analyst')
    // Seen once, so this instance remembers the session (src/auth/session-cache.ts).
    expect((await idle.client.get('/staff')).status).toBe(200)
    await registry.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - (registry.config.SESSION_IDLE_MINUTES + 1) * 60_000) })
      .where('user_id', '=', idle.user.id)
      .execute()
    expect((await idle.client.get('/staff')).status).toBe(303)

    const old = await registry.signedInAs('analyst')
    expect((await old.client.get('/staff')).status).toBe(200)
    await registry.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', old.user.id)
      .execute()
    expect((await old.client.get('/staff')).status).toBe(303)
  })

  it('sends a user with an administrator-set password to choose their own before anything else', async () => {
    const { email, password } = await registry.createUser('police_officer', { mustChangePassword: true })
    const client = new TestClient(registry.app)
    const login = await client.post('/login', { email, password })
    expect(login.headers.get('location')).toBe('/account/password')
    const home = await client.get('/staff')
    expect(home.headers.get('location')).toBe('/account/password')

    const mismatch = await client.post('/account/password', {
      current_password: password,
      new_password: 'a brand new long password',
      confirm_password: 'something else entirely',
    })
    expect(mismatch.status).toBe(422)
    expect(await mismatch.text()).toContain('The passwords do not match')

    const ok = await client.post('/account/password', {
      current_password: password,
      new_password: 'a brand new long password',
      confirm_password: 'a brand new long password',
    })
    expect(ok.status).toBe(303)
    expect((await client.get('/staff')).status).toBe(200)
    const entry = await registry.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.password_changed')
      .where(
        'entity_id',
        '=',
        (
          await registry.db
            .selectFrom('users')
            .select('id')
            .where('email', '=', email)
            .executeTakeFirstOrThrow()
        ).id,
      )
      .executeTakeFirst()
    expect(entry).toBeDefined()
    expect(JSON.stringify(entry)).not.toContain('brand new')
  })

  it('does not follow a sign-in "next" that points to another site', async () => {
    const { email, password } = await registry.createUser('analyst')
    const res = await new TestClient(registry.app).post('/login', {
      email,
      password,
      next: '//evil.example/phish',
    })
    expect(res.headers.get('location')).toBe('/staff')
  })
})

describe('CSRF protection', () => {
  it('refuses a form posted without the token, or with a token for another cookie', async () => {
    const { email, password } = await registry.createUser('analyst')
    const bare = await registry.app.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password }).toString(),
    })
    expect(bare.status).toBe(403)
    expect(await bare.text()).toContain('This form has expired')

    const client = new TestClient(registry.app)
    const forged = await client.request('POST', '/login', {
      form: { _csrf: new TestClient(registry.app).csrfToken, email, password },
    })
    expect(forged.status).toBe(403)
  })

  it('refuses a cross-site form even with a token', async () => {
    const { email, password } = await registry.createUser('analyst')
    const res = await new TestClient(registry.app).post(
      '/login',
      { email, password },
      { 'sec-fetch-site': 'cross-site' },
    )
    expect(res.status).toBe(403)
  })

  it('accepts the token in the X-CSRF-Token header', async () => {
    const { client } = await registry.signedInAs('analyst')
    const res = await client.request('POST', '/logout', { headers: { 'x-csrf-token': client.csrfToken } })
    expect(res.status).toBe(303)
  })
})
