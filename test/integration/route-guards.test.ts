import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RoleGuard } from '../../src/auth/guard.js'
import { ROLES, type Role } from '../../src/vocabulary.js'
import { createTestRegistry, TestClient } from '../support/registry.js'
import { ACCESS } from './access-table.js'

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

const sorted = (roles: readonly Role[]) => [...roles].sort()

describe('route table', () => {
  it('lists every route in the access table, and nothing the app does not have', () => {
    const routes = routeTable().map((r) => `${r.method} ${r.path}`)
    expect(routes.length).toBeGreaterThan(50)
    expect([...routes].sort()).toEqual(Object.keys(ACCESS).sort())
  })

  it('guards each route with exactly the roles the access table gives it', () => {
    for (const route of routeTable()) {
      const key = `${route.method} ${route.path}`
      const expected = ACCESS[key]
      if (expected === 'public') expect(route.roles, key).toBeNull()
      else expect(route.roles && sorted(route.roles), key).toEqual(sorted(expected!))
    }
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

  it('answers 403 to every role the table does not allow, and lets the allowed roles through', async () => {
    let checked = 0
    for (const route of routeTable()) {
      const allowed = ACCESS[`${route.method} ${route.path}`]
      if (allowed === 'public' || !allowed) continue
      for (const role of ROLES) {
        const res = await send(clients.get(role)!, route.method, route.path)
        const label = `${role} ${route.method} ${route.path}`
        if (allowed.includes(role)) {
          expect([401, 403], label).not.toContain(res.status)
          expect(res.status, label).toBeLessThan(500)
          expect(res.headers.get('location') ?? '', label).not.toMatch(/^\/login/)
        } else {
          expect(res.status, label).toBe(403)
        }
        checked++
      }
    }
    expect(checked).toBe(Object.values(ACCESS).filter((r) => r !== 'public').length * ROLES.length)
  })
})
