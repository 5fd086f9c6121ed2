import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RoleGuard } from '../../src/auth/guard.js'
import { ROLES, type Role } from '../../src/vocabulary.js'
import { createTestRegistry, TestClient } from '../support/registry.js'

// Routes anyone may use. Every other route must carry a requireRole() guard: a new route
// without one fails this test until it is either guarded or listed here on purpose.
const PUBLIC_ROUTES = new Set([
  'GET /',
  'GET /lookup',
  'GET /verify/:number',
  'GET /report',
  'GET /complaints/new',
  'POST /complaints',
  'GET /complaints/sent/:reference',
  'GET /complaints/track',
  'GET /api/v1/agencies',
  'GET /api/v1/licences/:number',
  'GET /register.csv',
  'POST /ussd/:secret?',
  'GET /healthz',
  'GET /static/:file',
  'GET /inspections/sw.js',
  'GET /login',
  'POST /login',
  'POST /logout',
  'GET /setup',
  'POST /setup',
])

let registry: Awaited<ReturnType<typeof createTestRegistry>>
const clients = new Map<Role, TestClient>()

beforeAll(async () => {
  registry = await createTestRegistry()
  for (const role of ROLES) clients.set(role, (await registry.signedInAs(role)).client)
})
afterAll(() => registry.close())

function routeTable() {
  const routes = new Map<string, { method: string; path: string; roles: readonly Role[] | null }>()
  for (const r of registry.app.routes) {
    if (r.method === 'ALL') continue // app-wide middleware
    const key = `${r.method} ${r.path}`
    const entry = routes.get(key) ?? { method: r.method, path: r.path, roles: null }
    const roles = (r.handler as Partial<RoleGuard>).roles
    if (roles) entry.roles = roles
    routes.set(key, entry)
  }
  return [...routes.values()]
}

// Path parameters get plausible values: ids a random UUID, `:name{a|b}` its first choice.
const concrete = (path: string) =>
  path
    .replace(/:[A-Za-z]*[iI]d\b/g, () => randomUUID())
    .replace(/:[A-Za-z_]+\{([^}|]+)[^}]*\}/g, '$1')
    .replace(/:action\b/g, 'suspend')
    .replace(/:[A-Za-z_]+/g, 'x')

function send(client: TestClient, method: string, path: string) {
  return method === 'GET' ? client.get(concrete(path)) : client.post(concrete(path))
}

describe('route table', () => {
  it('has no unguarded route except the public ones', () => {
    const routes = routeTable()
    expect(routes.length).toBeGreaterThan(PUBLIC_ROUTES.size)
    const unguarded = routes.filter((r) => !r.roles).map((r) => `${r.method} ${r.path}`)
    expect(unguarded.sort()).toEqual([...PUBLIC_ROUTES].sort())
  })

  it('sends anonymous visitors of every staff route to sign in', async () => {
    for (const route of routeTable().filter((r) => r.roles)) {
      const res = await send(new TestClient(registry.app), route.method, route.path)
      if (route.method === 'GET') {
        expect(res.status, `${route.method} ${route.path}`).toBe(303)
        expect(res.headers.get('location'), route.path).toMatch(/^\/login\?next=/)
      } else {
        expect(res.status, `${route.method} ${route.path}`).toBe(401)
      }
    }
  })

  it('answers 403 to every role a staff route does not allow, and lets the allowed roles through', async () => {
    let checked = 0
    for (const route of routeTable().filter((r) => r.roles)) {
      for (const role of ROLES) {
        const res = await send(clients.get(role)!, route.method, route.path)
        const label = `${role} ${route.method} ${route.path}`
        if (route.roles!.includes(role)) {
          expect([401, 403], label).not.toContain(res.status)
          expect(res.status, label).toBeLessThan(500)
          expect(res.headers.get('location') ?? '', label).not.toMatch(/^\/login/)
        } else {
          expect(res.status, label).toBe(403)
        }
        checked++
      }
    }
    expect(checked).toBeGreaterThanOrEqual(routeTable().filter((r) => r.roles).length * ROLES.length)
  })
})
