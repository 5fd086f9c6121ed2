import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BODY_LIMITS } from '../../src/http/body-limit.js'
import { insertPublicFixture } from '../support/public-fixtures.js'
import { createTestRegistry, TestClient } from '../support/registry.js'

// Requests nobody's browser sends, answered without a 5xx and without harm to anyone else.

let registry: Awaited<ReturnType<typeof createTestRegistry>>
let agency: { agencyId: string; licenceNumber: string | null }
beforeAll(async () => {
  // Behind one proxy, so that each request can say where it comes from.
  registry = await createTestRegistry({ TRUST_PROXY: '1', PUBLIC_LOOKUPS_PER_MINUTE: '3' })
  agency = await insertPublicFixture(registry.db, { name: 'Semonkong Placements', standing: 'licensed' })
})
afterAll(() => registry.close())

/** A body that counts how much of it was read, 64 KiB at a time, up to `total` bytes. */
function countedBody(total: number) {
  const counter = { read: 0 }
  const chunk = new TextEncoder().encode(`description=${'x'.repeat(64 * 1024)}`)
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (counter.read >= total) return controller.close()
        counter.read += chunk.byteLength
        controller.enqueue(chunk)
      },
    },
    { highWaterMark: 0 },
  )
  return { stream, counter }
}

/** A person with the report form open posts 200 MB to it, with these extra headers. */
async function postHuge(headers: (person: TestClient) => Record<string, string>) {
  const person = new TestClient(registry.app)
  await person.get('/complaints/new')
  const { stream, counter } = countedBody(200 * 1024 * 1024)
  const res = await registry.app.request('/complaints/new', {
    method: 'POST',
    headers: {
      cookie: [...person.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'content-type': 'application/x-www-form-urlencoded',
      ...headers(person),
    },
    body: stream,
    duplex: 'half',
  } as RequestInit)
  return { res, counter }
}

describe('bodies over their limit', () => {
  it('refuses a body whose declared length is over the limit with 413, reading none of it', async () => {
    const { res, counter } = await postHuge(() => ({ 'content-length': String(200 * 1024 * 1024) }))
    expect(res.status).toBe(413)
    expect(res.headers.get('connection')).toBe('close')
    expect(await res.text()).toContain('What you sent is too large')
    expect(counter.read).toBe(0)
  })

  it('stops reading a chunked body as soon as it passes the limit', async () => {
    const { res, counter } = await postHuge((person) => ({ 'x-csrf-token': person.csrfToken }))
    expect(res.status).toBe(413)
    expect(counter.read).toBeLessThanOrEqual(BODY_LIMITS.form + 128 * 1024)
  })

  it('takes a form of ordinary size', async () => {
    const person = new TestClient(registry.app)
    await person.get('/complaints/new')
    const res = await person.post('/complaints/new', {
      submission_key: randomBytes(16).toString('base64url'),
      recruiter_name: 'Ntate Khotso',
      categories: ['recruitment_fee'],
      description: 'He took my money. '.repeat(200),
    })
    expect(res.status).toBe(303)
  })
})

describe('the client address behind a trusted proxy', () => {
  it('is the address the proxy saw, never one the client wrote in front of it', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) {
      const res = await registry.app.request('/lookup?q=semonkong', {
        headers: { 'x-forwarded-for': `10.9.${i}.1, 198.51.100.44` },
      })
      statuses.push(res.status)
    }
    // Rotating the first entry does not get past the limit of 3 a minute.
    expect(statuses).toEqual([200, 200, 200, 429, 429])
  })

  it('is what the audit log records', async () => {
    const { email, password } = await registry.createUser('analyst')
    const client = new TestClient(registry.app)
    await client.post('/login', { email, password }, { 'x-forwarded-for': 'made.up.address, 198.51.100.45' })
    const entry = await registry.db
      .selectFrom('audit_log')
      .select('client_address')
      .where('action', '=', 'user.signed_in')
      .where('actor_label', 'like', `%${email}%`)
      .executeTakeFirstOrThrow()
    expect(entry.client_address).toBe('198.51.100.45')
  })

  it('counts as many proxies from the right as TRUST_PROXY says', async () => {
    const twoHops = await createTestRegistry({ TRUST_PROXY: '2' })
    try {
      const { email, password } = await twoHops.createUser('analyst')
      await new TestClient(twoHops.app).post(
        '/login',
        { email, password },
        { 'x-forwarded-for': '1.2.3.4, 198.51.100.46, 203.0.113.9' },
      )
      const entry = await twoHops.db
        .selectFrom('audit_log')
        .select('client_address')
        .where('action', '=', 'user.signed_in')
        .executeTakeFirstOrThrow()
      expect(entry.client_address).toBe('198.51.100.46')
    } finally {
      await twoHops.close()
    }
  })
})

describe('values out of range', () => {
  it('answers a version no integer column holds with a 4xx on every staff form that carries one', async () => {
    const officer = await registry.signedInAs('licensing_officer')
    const admin = await registry.signedInAs('admin')
    const { user } = await registry.createUser('analyst')
    const reporter = new TestClient(registry.app)
    await reporter.get('/complaints/new')
    const sent = await reporter.post('/complaints/new', {
      submission_key: randomBytes(16).toString('base64url'),
      licence: agency.licenceNumber!,
      categories: ['recruitment_fee'],
      description: 'He took 500 maloti.',
    })
    const reference = sent.headers.get('location')!.split('/').pop()!
    const complaint = await registry.db
      .selectFrom('complaints')
      .select('id')
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow()
    const posts: [TestClient, string, Record<string, string>][] = [
      [officer.client, `/complaints/${complaint.id}/assign`, {}],
      [officer.client, `/complaints/${complaint.id}/notes`, { note: 'Called the agency' }],
      [officer.client, `/agencies/${agency.agencyId}/licence/suspend`, { reason: 'Fees charged' }],
      [admin.client, `/admin/users/${user.id}/role`, { role: 'inspector' }],
      [admin.client, `/admin/users/${user.id}/deactivate`, { reason: 'Left the ministry' }],
      [admin.client, `/admin/users/${user.id}/reset-password`, {}],
    ]
    for (const [client, path, form] of posts) {
      const res = await client.post(path, { ...form, version: '2147483648' })
      expect([409, 422], path).toContain(res.status)
    }
  })

  it('answers dates far in the past or future with a 422 naming the field, not a 500', async () => {
    const admin = await registry.signedInAs('admin')
    const audit = await admin.client.get('/admin/audit?from=0000-01-01')
    expect(audit.status).toBe(422)
    expect(await audit.text()).toContain('between 1900 and 2100')
    for (const path of [
      '/dashboard?to=9999-12-31',
      '/exports/tip-data.csv?to=9999-12-31',
      '/exports/tip-data.json?to=9999-12-31',
      '/exports/complaints.csv?to=9999-12-31',
      '/exports/inspections.csv?from=0001-01-01',
    ]) {
      const res = await admin.client.get(path)
      expect(res.status, path).toBe(422)
    }
  })

  it('gives the second of two administrators creating the same account at once a 422, not a 500', async () => {
    const first = await registry.signedInAs('admin')
    const second = await registry.signedInAs('admin')
    const form = {
      name: 'Lineo Ramakau',
      email: 'lineo.ramakau@labour.gov.ls',
      role: 'inspector',
      home_district: 'Berea',
    }
    const answers = await Promise.all([
      first.client.post('/admin/users', form),
      second.client.post('/admin/users', form),
    ])
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422])
    const refused = answers.find((a) => a.status === 422)!
    expect(await refused.text()).toContain('A user with this email address already exists')
  })
})

describe('kept pages', () => {
  it('carry each request its own request id, the one its log line names', async () => {
    const ids: string[] = []
    for (let i = 0; i < 3; i++) {
      const res = await registry.app.request('/', { headers: { 'accept-encoding': 'br' } })
      expect(res.status).toBe(200)
      ids.push(res.headers.get('x-request-id')!)
    }
    expect(new Set(ids).size).toBe(3)
    for (const id of ids)
      expect(registry.logLines.some((line) => line.includes(`"reqId":"${id}"`))).toBe(true)
  })
})

describe('the USSD callback', () => {
  const screen = (
    app: typeof registry.app,
    path: string,
    phone: string,
    headers: Record<string, string> = {},
  ) =>
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ sessionId: `s-${phone}`, phoneNumber: phone, text: '' }).toString(),
    })

  it('takes calls only with the gateway secret in its address, and keeps the secret out of the log', async () => {
    const secret = randomBytes(24).toString('base64url')
    const gated = await createTestRegistry({ USSD_GATEWAY_SECRET: secret })
    try {
      expect((await screen(gated.app, '/ussd', '+26650000001')).status).toBe(403)
      expect((await screen(gated.app, '/ussd/not-the-secret', '+26650000001')).status).toBe(403)
      const ok = await screen(gated.app, `/ussd/${secret}`, '+26650000001')
      expect(ok.status).toBe(200)
      expect(await ok.text()).toMatch(/^CON /)
      expect(gated.logLines.join('\n')).not.toContain(secret)
    } finally {
      await gated.close()
    }
  })

  it('takes calls only from the gateway addresses when they are set', async () => {
    const gated = await createTestRegistry({ TRUST_PROXY: '1', USSD_GATEWAY_ADDRESSES: '198.51.100.50' })
    try {
      expect(
        (await screen(gated.app, '/ussd', '+26650000002', { 'x-forwarded-for': '198.51.100.51' })).status,
      ).toBe(403)
      expect(
        (await screen(gated.app, '/ussd', '+26650000002', { 'x-forwarded-for': '198.51.100.50' })).status,
      ).toBe(200)
    } finally {
      await gated.close()
    }
  })

  it('keeps a limit on all screens together, whatever phone numbers the calls claim', async () => {
    const limited = await createTestRegistry({ USSD_SCREENS_PER_MINUTE_TOTAL: '3' })
    try {
      const replies = []
      for (let i = 0; i < 5; i++)
        replies.push((await (await screen(limited.app, '/ussd', `+2665000010${i}`)).text()).split(' ')[0])
      expect(replies).toEqual(['CON', 'CON', 'CON', 'END', 'END'])
      const busy = await screen(limited.app, '/ussd', '+26650000200')
      expect(await busy.text()).toMatch(/^END The service is busy\. .*\nTsebeletso e phathahane/)
      expect(busy.headers.get('retry-after')).toBeTruthy()
    } finally {
      await limited.close()
    }
  })
})
