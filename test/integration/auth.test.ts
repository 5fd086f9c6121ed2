import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app.js'
import { attemptLogin } from '../../src/auth/accounts.js'
import { verifyPassword } from '../../src/auth/password.js'
import { cookieName } from '../../src/http/cookies.js'
import {
  CSRF_COOKIE,
  createTestRegistry,
  SESSION_COOKIE,
  TEST_SECRET,
  TestClient,
} from '../support/registry.js'

let registry: Awaited<ReturnType<typeof createTestRegistry>>
beforeAll(async () => {
  // Behind one proxy: each request says which address it comes from in X-Forwarded-For.
  registry = await createTestRegistry({ TRUST_PROXY: '1' })
})

const from = (address: string) => ({ 'x-forwarded-for': address })
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

  it('pauses sign-in with an email from an address after 5 failures, even with the right password', async () => {
    const { email, password } = await registry.createUser('licensing_officer')
    const client = new TestClient(registry.app)
    for (let i = 1; i <= 4; i++) {
      expect(
        (await client.post('/login', { email, password: 'wrong password' }, from('198.51.100.1'))).status,
      ).toBe(401)
    }
    const fifth = await client.post('/login', { email, password: 'wrong password' }, from('198.51.100.1'))
    expect(fifth.status).toBe(429)
    expect(fifth.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(await fifth.text()).toContain('Too many failed sign-in attempts')
    const right = await client.post('/login', { email, password }, from('198.51.100.1'))
    expect(right.status).toBe(429)
    const pause = await registry.db
      .selectFrom('sign_in_throttles')
      .select('blocked_until')
      .where('scope', '=', 'pair')
      .where('key', '=', `${email.toLowerCase()} 198.51.100.1`)
      .executeTakeFirstOrThrow()
    const minutes = (pause.blocked_until!.getTime() - Date.now()) / 60_000
    expect(minutes).toBeGreaterThan(14)
    expect(minutes).toBeLessThanOrEqual(15)
    expect(await auditActions(email)).toEqual(['sign_in.paused'])
  })

  it('answers an email no account has exactly as it answers a real one: the same words and status', async () => {
    const { email } = await registry.createUser('analyst')
    const answers = async (typed: string) => {
      const seen: { status: number; message: string }[] = []
      for (let i = 0; i < 6; i++) {
        const res = await new TestClient(registry.app).post(
          '/login',
          { email: typed, password: 'wrong password' },
          from('198.51.100.2'),
        )
        const text = (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
        // The time the pause ends is the same for both unless a minute turns between them.
        const message = text.match(/There is a problem (.*?) Sign in/)?.[1]?.replace(/\d\d:\d\d/, 'HH:MM')
        seen.push({ status: res.status, message: message ?? '' })
      }
      return seen
    }
    const known = await answers(email)
    const unknown = await answers('nobody.at.all@labour.gov.ls')
    expect(known.map((a) => a.status)).toEqual([401, 401, 401, 401, 429, 429])
    expect(unknown).toEqual(known)
  })

  it('hashes a password once for every attempt: known or unknown, right or wrong, paused or not', async () => {
    const { email, password } = await registry.createUser('analyst')
    let hashes = 0
    const verify: typeof verifyPassword = (typed, stored) => {
      hashes++
      return verifyPassword(typed, stored)
    }
    const attempt = async (typed: string, pass: string) => {
      hashes = 0
      const result = await attemptLogin(
        registry.db,
        typed,
        pass,
        { clientAddress: '198.51.100.3' },
        { verify },
      )
      expect(hashes, `${typed} -> ${result.outcome}`).toBe(1)
      return result.outcome
    }
    expect(await attempt(email, password)).toBe('ok')
    expect(await attempt(email, 'wrong password')).toBe('invalid')
    expect(await attempt('nobody@labour.gov.ls', 'wrong password')).toBe('invalid')
    for (let i = 0; i < 4; i++) await attempt('nobody@labour.gov.ls', 'wrong password')
    expect(await attempt('nobody@labour.gov.ls', 'wrong password')).toBe('paused')
    for (let i = 0; i < 3; i++) await attempt(email, 'wrong password')
    expect(await attempt(email, 'wrong password')).toBe('paused')
    expect(await attempt(email, password)).toBe('paused')
  })

  it('keeps an account usable by its owner from their own address while someone hammers it from another', async () => {
    const { email, password } = await registry.createUser('inspector')
    for (let i = 0; i < 8; i++)
      await new TestClient(registry.app).post(
        '/login',
        { email, password: `guess ${i}` },
        from('203.0.113.66'),
      )
    const owner = await new TestClient(registry.app).post(
      '/login',
      { email, password },
      from('198.51.100.10'),
    )
    expect(owner.status).toBe(303)
  })

  it('pauses an address that tries many accounts, whatever account it tries next', async () => {
    for (let i = 0; i < 50; i++)
      await new TestClient(registry.app).post(
        '/login',
        { email: `guess${i}@labour.gov.ls`, password: 'password123' },
        from('203.0.113.77'),
      )
    const { email, password } = await registry.createUser('analyst')
    const next = await new TestClient(registry.app).post('/login', { email, password }, from('203.0.113.77'))
    expect(next.status).toBe(429)
    const elsewhere = await new TestClient(registry.app).post(
      '/login',
      { email, password },
      from('198.51.100.11'),
    )
    expect(elsewhere.status).toBe(303)
  })

  it('pauses an account guessed at from many addresses, except from an address its owner signed in from', async () => {
    const { email, password } = await registry.createUser('police_officer')
    expect(
      (await new TestClient(registry.app).post('/login', { email, password }, from('198.51.100.20'))).status,
    ).toBe(303)
    for (let i = 0; i < 20; i++)
      await new TestClient(registry.app).post(
        '/login',
        { email, password: 'guess' },
        from(`192.0.2.${i + 1}`),
      )
    const stranger = await new TestClient(registry.app).post(
      '/login',
      { email, password },
      from('192.0.2.200'),
    )
    expect(stranger.status).toBe(429)
    const owner = await new TestClient(registry.app).post(
      '/login',
      { email, password },
      from('198.51.100.20'),
    )
    expect(owner.status).toBe(303)
  })

  it('counts failures made at different instances against one pause', async () => {
    const { email, password } = await registry.createUser('inspector')
    // A second app over the same database stands for a second server behind the load balancer.
    const other = createApp({
      db: registry.db,
      config: registry.config,
      logger: (await import('pino')).default({ level: 'silent' }),
      secret: TEST_SECRET,
    })
    const apps = [registry.app, other]
    await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        new TestClient(apps[i % 2]!).post('/login', { email, password: 'wrong' }, from('198.51.100.30')),
      ),
    )
    const res = await new TestClient(other).post('/login', { email, password }, from('198.51.100.30'))
    expect(res.status).toBe(429)
  })

  it('refuses a session the moment another server ends it or changes the account', async () => {
    // Each change is written straight to the database, as another instance would write it:
    // this instance reads the session afresh on every request.
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

  it('lets the account in again once the pause has passed', async () => {
    const { email, password } = await registry.createUser('inspector')
    for (let i = 0; i < 5; i++)
      await new TestClient(registry.app).post('/login', { email, password: 'wrong' }, from('198.51.100.40'))
    expect(
      (await new TestClient(registry.app).post('/login', { email, password }, from('198.51.100.40'))).status,
    ).toBe(429)
    await registry.db
      .updateTable('sign_in_throttles')
      .set({ blocked_until: new Date(Date.now() - 1000) })
      .where('key', 'like', `${email.toLowerCase()}%`)
      .execute()
    const res = await new TestClient(registry.app).post('/login', { email, password }, from('198.51.100.40'))
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
    // Seen once: the session is in use.
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
    const refusals: [string, string][] = [
      ['password1234', 'This password is easy to guess'],
      [`${email.split('@')[0]}2026`, 'Do not use your own name or email address in your password'],
    ]
    for (const [weak, message] of refusals) {
      const refused = await client.post('/account/password', {
        current_password: password,
        new_password: weak,
        confirm_password: weak,
      })
      expect(refused.status, weak).toBe(422)
      expect(await refused.text()).toContain(message)
    }

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

  it.each([
    '//evil.example/phish',
    '/\t/evil.example/x',
    '/\\evil.example',
    '/..//evil.example',
    '/x\nSet-Cookie: a=b',
    '/x\r',
    '/x\u0000',
  ])('does not follow a sign-in "next" that leaves the site or breaks the header: %j', async (next) => {
    const { email, password } = await registry.createUser('analyst')
    const res = await new TestClient(registry.app).post('/login', { email, password, next })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/staff')
  })

  it('goes on to a page of this site after signing in, and shows the sign-in page for a bad "next"', async () => {
    const { email, password } = await registry.createUser('analyst')
    const res = await new TestClient(registry.app).post('/login', {
      email,
      password,
      next: '/agencies?q=maluti',
    })
    expect(res.headers.get('location')).toBe('/agencies?q=maluti')
    for (const next of ['%0A', '%0D', '%00', '%09//evil.example'])
      expect((await registry.app.request(`/login?next=/x${next}`)).status).toBe(200)
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

describe('form tokens bound to the session', () => {
  it('refuses, once signed in, a token bound to the form cookie alone', async () => {
    const { client } = await registry.signedInAs('analyst')
    const formToken = (await import('../../src/http/csrf.js')).csrfTokenFor(TEST_SECRET, {
      form: client.cookies.get(CSRF_COOKIE)!,
    })
    const res = await client.request('POST', '/logout', { form: { _csrf: formToken } })
    expect(res.status).toBe(403)
    expect((await client.get('/staff')).status).toBe(200)
  })

  it('renews the form cookie at sign-in and at sign-out', async () => {
    const { email, password } = await registry.createUser('analyst')
    const client = new TestClient(registry.app)
    const before = client.cookies.get(CSRF_COOKIE)
    expect((await client.post('/login', { email, password })).status).toBe(303)
    const signedIn = client.cookies.get(CSRF_COOKIE)
    expect(signedIn).toBeDefined()
    expect(signedIn).not.toBe(before)
    expect((await client.post('/logout')).status).toBe(303)
    expect(client.cookies.get(CSRF_COOKIE)).not.toBe(signedIn)
    // The page a signed-out person now gets carries a token that works.
    expect((await client.post('/login', { email, password })).status).toBe(303)
  })

  it('names the cookies __Host- and marks them Secure when served over HTTPS', async () => {
    const https = await createTestRegistry({ PUBLIC_BASE_URL: 'https://registry.labour.gov.ls' })
    try {
      const { email, password } = await https.createUser('analyst')
      const page = await https.app.request('/login')
      const formCookie = page.headers
        .getSetCookie()
        .find((c) => c.startsWith(`${cookieName('csrf', true)}=`))!
      expect(formCookie).toMatch(/^__Host-rr_csrf=/)
      expect(formCookie).toMatch(/; Secure/i)
      expect(formCookie).toMatch(/; Path=\/(;|$)/)
      expect(formCookie).not.toMatch(/Domain=/i)
      const csrf = formCookie.split(';')[0]!.split('=')[1]!
      const { csrfTokenFor } = await import('../../src/http/csrf.js')
      const res = await https.app.request('/login', {
        method: 'POST',
        headers: { cookie: `__Host-rr_csrf=${csrf}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          _csrf: csrfTokenFor(TEST_SECRET, { form: csrf }),
          email,
          password,
        }).toString(),
      })
      expect(res.status).toBe(303)
      const session = res.headers.getSetCookie().find((c) => c.startsWith('__Host-rr_session='))
      expect(session).toMatch(/; Secure/i)
    } finally {
      await https.close()
    }
  })

  it('refuses a post that carries no cookie before reading its body', async () => {
    let read = false
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          read = true
          controller.enqueue(new TextEncoder().encode('description=x'))
          controller.close()
        },
      },
      { highWaterMark: 0 },
    )
    const res = await registry.app.request('/complaints/new', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(403)
    expect(read).toBe(false)
  })
})
