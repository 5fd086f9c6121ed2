import type { AddressInfo } from 'node:net'
import { connect, createServer, type Server, type Socket } from 'node:net'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app.js'
import { insertUser } from '../../src/auth/accounts.js'
import { hashPassword } from '../../src/auth/password.js'
import { loadConfig } from '../../src/config.js'
import { openDatabase } from '../../src/db/database.js'
import { createTestDatabase, type TestDatabase } from '../support/database.js'
import { TEST_SECRET, TestClient } from '../support/registry.js'

/**
 * A TCP relay in front of PostgreSQL that can be cut and restored: to the app it looks exactly
 * like the database server stopping (every connection dropped, new ones refused) and starting.
 * It can also freeze: connections stay open and new ones are accepted, but nothing is answered,
 * as when the server hangs.
 */
class SwitchablePostgres {
  private server: Server | null = null
  private sockets = new Set<Socket>()
  private frozen = false
  port = 0

  constructor(private readonly target: { host: string; port: number }) {}

  async up() {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host)
      for (const s of [client, upstream]) {
        this.sockets.add(s)
        s.on('close', () => this.sockets.delete(s))
        s.on('error', () => {
          client.destroy()
          upstream.destroy()
        })
      }
      // Forwarded by hand, so that a freeze can swallow everything in both directions.
      client.on('data', (chunk) => {
        if (!this.frozen) upstream.write(chunk)
      })
      upstream.on('data', (chunk) => {
        if (!this.frozen) client.write(chunk)
      })
    })
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve))
    this.port = (this.server.address() as AddressInfo).port
  }

  freeze() {
    this.frozen = true
  }

  /** Ends the freeze; the connections it swallowed bytes of are broken, as after a real hang. */
  thaw() {
    this.frozen = false
    for (const s of this.sockets) s.destroy()
  }

  async down() {
    for (const s of this.sockets) s.destroy()
    await new Promise<void>((resolve) => this.server!.close(() => resolve()))
    this.server = null
  }
}

const url = process.env.TEST_DATABASE_URL
if (!url)
  console.warn('database-restart.test.ts skipped: it needs a PostgreSQL server (set TEST_DATABASE_URL).')

describe.skipIf(!url)('database restart (PostgreSQL server)', () => {
  let testDb: TestDatabase
  let relay: SwitchablePostgres
  let handle: Awaited<ReturnType<typeof openDatabase>>
  let app: ReturnType<typeof createApp>

  beforeAll(async () => {
    testDb = await createTestDatabase()
    const target = new URL(testDb.url!)
    relay = new SwitchablePostgres({ host: target.hostname, port: Number(target.port || 5432) })
    await relay.up()
    const viaRelay = new URL(testDb.url!)
    viaRelay.hostname = '127.0.0.1'
    viaRelay.port = String(relay.port)
    handle = await openDatabase({
      databaseUrl: viaRelay.toString(),
      dataDir: '',
      queryTimeoutMs: 3000,
      onPoolError: () => {},
    })
    app = createApp({
      db: handle.db,
      config: loadConfig({ NODE_ENV: 'test', SECRET_KEY: TEST_SECRET }),
      logger: pino({ level: 'silent' }),
      secret: TEST_SECRET,
    })
  })
  afterAll(async () => {
    await handle.close()
    await testDb.dispose()
  })

  it('answers 503 while the database is down and recovers without a restart of the app', async () => {
    await insertUser(handle.db, {
      email: 'outage@labour.gov.ls',
      name: 'Outage Test',
      role: 'analyst',
      homeDistrict: 'Maseru',
      passwordHash: await hashPassword('a password for outages'),
      mustChangePassword: false,
    })
    const client = new TestClient(app)
    expect(
      (await client.post('/login', { email: 'outage@labour.gov.ls', password: 'a password for outages' }))
        .status,
    ).toBe(303)
    expect((await client.get('/staff')).status).toBe(200)

    await relay.down()
    expect((await app.request('/healthz')).status).toBe(503)
    const during = await client.get('/staff')
    expect(during.status).toBe(503)
    expect(await during.text()).toContain('Sorry, the service is unavailable')

    await relay.up()
    expect((await app.request('/healthz')).status).toBe(200)
    expect((await client.get('/staff')).status).toBe(200)
  })

  // The test's own time limit is the point: without the query timeout, these requests hang
  // until the relay thaws (more than 45 s were seen), and the test fails by timing out.
  it('answers 503 within seconds while the database accepts connections but never answers', {
    timeout: 20_000,
  }, async () => {
    const client = new TestClient(app)
    expect(
      (await client.post('/login', { email: 'outage@labour.gov.ls', password: 'a password for outages' }))
        .status,
    ).toBe(303)
    relay.freeze()
    const [health, page] = await Promise.all([app.request('/healthz'), client.get('/staff')])
    expect(health.status).toBe(503)
    expect(page.status).toBe(503)
    expect((await app.request('/healthz')).status).toBe(503)
    relay.thaw()
    await expect.poll(async () => (await app.request('/healthz')).status, { timeout: 10_000 }).toBe(200)
    expect((await client.get('/staff')).status).toBe(200)
  })
})
