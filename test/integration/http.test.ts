import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { openDatabase } from '../../src/db/database.js'
import { assetUrl } from '../../src/http/assets.js'
import { sendStream } from '../../src/http/compression.js'
import { createTestRegistry, TEST_SECRET, TestClient } from '../support/registry.js'

let registry: Awaited<ReturnType<typeof createTestRegistry>>
beforeAll(async () => {
  registry = await createTestRegistry()
  registry.app.get('/test-only/large', (c) => {
    // A streamed body well past the one-shot limit, like an export.
    const line = 'LRA-2026-00042,Maluti Mountain Recruitment,Maseru,Licensed\n'
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ >= 5000) return controller.close()
        controller.enqueue(new TextEncoder().encode(line))
      },
    })
    return sendStream(c, stream, 'text/csv; charset=utf-8')
  })
  registry.app.get('/test-only/boom', () => {
    throw new Error('kaboom: internal detail that must not reach the page')
  })
})
afterAll(() => registry.close())

describe('HTTP hygiene', () => {
  it('sends security headers with a Content-Security-Policy that allows no inline script', async () => {
    const res = await registry.app.request('/')
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-request-id')).toMatch(/.+/)
    expect(await res.text()).toMatch(/^<!DOCTYPE html><html lang="en">/)
  })

  it('compresses pages with brotli or gzip as the browser accepts', async () => {
    const { client } = await registry.signedInAs('admin')
    const br = await client.get('/admin/users', { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toContain('<h1>Users</h1>')
    const gz = await client.get('/admin/users', { 'accept-encoding': 'gzip' })
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toContain('<h1>Users</h1>')
  })

  it('streams large bodies through the compressor, and leaves tiny ones alone', async () => {
    const large = await registry.app.request('/test-only/large', { headers: { 'accept-encoding': 'br' } })
    expect(large.headers.get('content-encoding')).toBe('br')
    const text = brotliDecompressSync(Buffer.from(await large.arrayBuffer())).toString()
    expect(text.split('\n').filter(Boolean)).toHaveLength(5000)
    const tiny = await registry.app.request('/healthz', { headers: { 'accept-encoding': 'br' } })
    expect(tiny.headers.get('content-encoding')).toBeNull()
    expect(await tiny.json()).toEqual({ status: 'ok' })
  })

  it('serves htmx and the stylesheet under content-hashed URLs, cached for a year, precompressed', async () => {
    const res = await registry.app.request(assetUrl('htmx.js'), { headers: { 'accept-encoding': 'br' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('content-encoding')).toBe('br')
    const body = brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()
    expect(body).toContain('htmx')
    expect((await registry.app.request('/static/htmx.0000.js')).status).toBe(404)
    const page = await (await registry.app.request('/')).text()
    expect(page).toContain(assetUrl('htmx.js'))
    expect(page).toContain(assetUrl('app.css'))
  })

  it('answers unknown pages with a 404 page, and a fragment to an htmx partial request', async () => {
    const page = await registry.app.request('/no/such/page')
    expect(page.status).toBe(404)
    const html = await page.text()
    expect(html).toContain('<!DOCTYPE html>')
    expect(html).toContain('Page not found')
    const partial = await registry.app.request('/no/such/page', {
      headers: { 'hx-request': 'true', 'hx-request-type': 'partial' },
    })
    expect(partial.status).toBe(404)
    const fragment = await partial.text()
    expect(fragment).not.toContain('<html')
    expect(fragment).toContain('Page not found')
  })

  it('shows a 500 page without the error, and logs it with the request id', async () => {
    const res = await registry.app.request('/test-only/boom')
    expect(res.status).toBe(500)
    const html = await res.text()
    expect(html).toContain('Sorry, something went wrong')
    expect(html).not.toContain('kaboom')
    expect(html).not.toMatch(/at .*\.ts:\d+/)
    const reqId = res.headers.get('x-request-id')!
    expect(html).toContain(reqId)
    expect(registry.logLines.some((l) => l.includes(reqId) && l.includes('kaboom'))).toBe(true)
  })

  it('logs requests without cookies, tokens or passwords', async () => {
    const { client, password } = await registry.signedInAs('analyst')
    await client.get('/staff?token=supersecretquerytoken')
    const log = registry.logLines.join('\n')
    expect(log).toContain('"path":"/staff"')
    expect(log).not.toContain('supersecretquerytoken')
    expect(log).not.toContain(password)
    for (const value of client.cookies.values()) expect(log).not.toContain(value)
  })

  it('reports health with a database round trip', async () => {
    const res = await registry.app.request('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })
})

describe('database unreachable', () => {
  // Nothing listens on port 9 here: every query fails to connect, as during an outage.
  let dead: Awaited<ReturnType<typeof openDatabase>>
  let app: ReturnType<typeof createApp>
  beforeAll(async () => {
    dead = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:9/none', dataDir: '' })
    app = createApp({
      db: dead.db,
      config: loadConfig({ NODE_ENV: 'test', SECRET_KEY: TEST_SECRET }),
      logger: pino({ level: 'silent' }),
      secret: TEST_SECRET,
    })
  })
  afterAll(() => dead.close())

  it('answers 503 on /healthz and a 503 page for pages that need the database', async () => {
    const health = await app.request('/healthz')
    expect(health.status).toBe(503)
    const client = new TestClient(app)
    client.cookies.set('rr_session', 'some-session')
    const page = await client.get('/staff')
    expect(page.status).toBe(503)
    expect(page.headers.get('retry-after')).toBe('30')
    expect(await page.text()).toContain('Sorry, the service is unavailable')
    const login = await client.post('/login', { email: 'a@b.ls', password: 'x' })
    expect(login.status).toBe(503)
  })
})
