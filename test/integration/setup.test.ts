import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { countUsers } from '../../src/auth/accounts.js'
import { hashPassword } from '../../src/auth/password.js'
import { issueSetupToken } from '../../src/setup/setup-tokens.js'
import { createTestRegistry, TestClient } from '../support/registry.js'

// Counted, to show which requests cost a password hash (scrypt: 32 MiB and tens of milliseconds).
vi.mock('../../src/auth/password.js', async (original) => {
  const real = await original<typeof import('../../src/auth/password.js')>()
  return { ...real, hashPassword: vi.fn(real.hashPassword) }
})

let registry: Awaited<ReturnType<typeof createTestRegistry>>
beforeAll(async () => {
  registry = await createTestRegistry()
})
afterAll(() => registry.close())

const admin = {
  name: 'Mpho Letsie',
  email: 'mpho.letsie@labour.gov.ls',
  home_district: 'Maseru',
  password: 'a long first admin password',
  confirm_password: 'a long first admin password',
}

describe('first-run setup link', () => {
  it('checks the link before hashing the password: a made-up link costs no hash', async () => {
    vi.mocked(hashPassword).mockClear()
    const res = await new TestClient(registry.app).post('/setup', { ...admin, token: 'made-up-token' })
    expect(res.status).toBe(409)
    expect(hashPassword).not.toHaveBeenCalled()
    expect(await countUsers(registry.db)).toBe(0)
  })

  it('creates the first administrator once, signs them in, and the link then stops working', async () => {
    expect(await countUsers(registry.db)).toBe(0)
    const token = await issueSetupToken(registry.db)
    const client = new TestClient(registry.app)

    const page = await client.get(`/setup?token=${token}`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Set up the first administrator')

    const invalid = await client.post('/setup', { ...admin, token, confirm_password: 'different words here' })
    expect(invalid.status).toBe(422)
    const invalidHtml = await invalid.text()
    expect(invalidHtml).toContain('The passwords do not match')
    expect(invalidHtml).toContain('value="Mpho Letsie"')
    const named = await client.post('/setup', {
      ...admin,
      token,
      password: 'MphoLetsie2026',
      confirm_password: 'MphoLetsie2026',
    })
    expect(named.status).toBe(422)
    expect(await named.text()).toContain('Do not use your own name or email address in your password')
    expect(await countUsers(registry.db)).toBe(0)

    // A double click sends the form twice at once: one account, one success.
    const other = new TestClient(registry.app)
    const [first, second] = await Promise.all([
      client.post('/setup', { ...admin, token }),
      other.post('/setup', { ...admin, token }),
    ])
    expect([first.status, second.status].sort()).toEqual([303, 409])
    expect(await countUsers(registry.db)).toBe(1)

    const user = await registry.db.selectFrom('users').selectAll().executeTakeFirstOrThrow()
    expect(user.role).toBe('admin')
    expect(user.password_hash).toMatch(/^scrypt\$/)
    const winner = first.status === 303 ? client : other
    expect((await winner.get('/admin/users')).status).toBe(200)

    const again = await new TestClient(registry.app).get(`/setup?token=${token}`)
    expect(again.status).toBe(404)
    expect(await again.text()).toContain('This setup link no longer works')

    const audit = await registry.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.created_by_setup')
      .execute()
    expect(audit).toHaveLength(1)
    expect(JSON.stringify(audit[0]!.after)).not.toContain('scrypt')
  })

  it('refuses a made-up token', async () => {
    const res = await new TestClient(registry.app).get('/setup?token=made-up')
    expect(res.status).toBe(404)
    const post = await new TestClient(registry.app).post('/setup', {
      ...admin,
      email: 'x@labour.gov.ls',
      token: 'made-up',
    })
    expect(post.status).toBe(409)
  })

  it('does not create a second administrator with a new link once accounts exist', async () => {
    const token = await issueSetupToken(registry.db)
    const res = await new TestClient(registry.app).post('/setup', {
      ...admin,
      email: 'second@labour.gov.ls',
      token,
    })
    expect(res.status).toBe(409)
    expect(await countUsers(registry.db)).toBe(1)
  })
})
