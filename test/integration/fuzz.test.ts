import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoUsers } from '../../src/demo/generate.js'
import { seedDemoData } from '../../src/demo/seed.js'
import { ROLES, type Role } from '../../src/vocabulary.js'
import { createTestRegistry, TestClient } from '../support/registry.js'
import { ACCESS } from './access-table.js'

// Hostile input over every route the app registers: every form field as each role's pages show
// it, every query parameter, anonymous and as each role, with values nobody types (control
// characters, huge and negative numbers, impossible dates, repeated fields, wrong content types,
// long strings). No answer may be a 5xx, and a refused request must have stored nothing.

let registry: Awaited<ReturnType<typeof createTestRegistry>>
const clients = new Map<Role | 'anonymous', TestClient>()
/** Real values of POST query fields, so requests reach a record, not only 404s. */
const KNOWN_QUERY: Record<string, string[]> = {}
/** A real id for each kind of path parameter, so requests reach the records, not only 404s. */
const ids: Record<string, string> = {}

type Fields = Map<string, Set<string>>
/** Form fields per POST route, as the pages show them, with the values the pages put in them. */
const formFields = new Map<string, Fields>()
/** Query parameters per GET route, from the GET forms (filters) of the pages. */
const queryFields = new Map<string, Fields>()

// Fields of forms no page shows in this data (no deactivated user, no pending flag, ...): the
// fuzz still covers them.
const DECLARED: Record<string, string[]> = {
  'POST /ussd/:secret?': ['sessionId', 'serviceCode', 'phoneNumber', 'text'],
  'POST /setup': ['token', 'name', 'email', 'home_district', 'password', 'confirm_password'],
  'POST /logout': [],
  'POST /admin/users/:id/reactivate': ['version'],
  'POST /agencies/:id/conditions/:conditionId/met': ['version'],
  'POST /agencies/:id/flags/:flag/clear': ['reason'],
  'POST /inspection-findings/:id/decide': ['version', 'outcome', 'proven', 'reason'],
  'POST /follow-ups/:id/done': [],
  // The merge form is shown only when a worksite has a likely duplicate.
  'POST /worksites/:id/merge': ['into', 'reason', 'version'],
  'POST /complaints/:id/contact': [],
  'POST /complaints/:id/close': ['version'],
  'POST /job-offers/:id/:decision': ['version', 'reason'],
  // The demo data has no criminal case yet, so no case page shows its step forms.
  'POST /cases/:id/:action': ['version', 'on_date', 'court', 'court_case_number', 'reason'],
  'POST /focal-points/:district/:service': ['version', 'office', 'phone', 'address', 'hours', 'office_line'],
  // Shown only once a focal point exists.
  'POST /focal-points/:district/:service/remove': ['version'],
  'POST /cases/:id/suspects/new': [
    'version',
    'submission_key',
    'kind',
    'agency',
    'agency_link',
    'name',
    'role',
    'sex',
    'age_group',
    'nationality',
    'id_number',
  ],
  'POST /cases/:id/victims/new': [
    'version',
    'submission_key',
    'people',
    'sex',
    'age_group',
    'nationality',
    'exploitation',
    'referred_nrm',
  ],
  'POST /cases/:id/suspects/:suspectId/verdict': [
    'version',
    'verdict',
    'verdict_on',
    'prison_months',
    'prison_suspended',
    'fine',
  ],
  'POST /cases/:id/suspects/:suspectId/overturn': ['version', 'overturned_on', 'reason'],
  'POST /agencies/:id/notices': ['action', 'grounds', 'public_reason', 'suspended_until', 'respond_by'],
  'POST /notices/:id/representations': ['version', 'answer', 'representations', 'received_on'],
  'POST /notices/:id/decide': ['version', 'decision', 'reason'],
  'POST /agencies/:id/appeals': ['decision', 'lodged_on', 'grounds'],
  'POST /appeals/:id/decide': ['version', 'decision', 'reason'],
  // A photo's bytes are its body; what the phone read from it are query fields (POST_QUERY).
  'POST /inspections/photos': [],
}
// Query parameters of POST routes.
const POST_QUERY: Record<string, string[]> = {
  'POST /inspections/photos': ['record', 'sha256', 'attached_to', 'taken_at', 'latitude', 'longitude'],
}
// Query parameters the routes read besides their filter forms.
const COMMON_QUERY = ['q', 'page', 'lang', 'done', 'next', 'from', 'to', 'table', 'ref', 'licence', 'name']
const EXTRA_QUERY: Record<string, string[]> = {
  'GET /exports/tip-data.csv': ['suppress_below'],
  'GET /exports/tip-data.json': ['suppress_below'],
  'GET /exports/tip-law-enforcement.csv': ['suppress_below'],
  'GET /exports/tip-victims.csv': ['suppress_below'],
  'GET /cases/new': ['complaint', 'inspection'],
  'GET /offices': ['district'],
  'GET /dashboard': ['period'],
  'GET /inspections/new': ['worksite'],
  'GET /worksites/new': ['district'],
  'GET /setup': ['token'],
  'GET /login': ['signed_out'],
}

const routes = () => {
  const seen = new Map<string, { method: string; path: string }>()
  for (const r of registry.app.routes)
    if (r.method !== 'ALL') seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path })
  return [...seen.entries()].map(([key, r]) => ({ key, ...r }))
}

/** The route's path with real values in its parameters. */
function concrete(path: string): string {
  return path
    .replace(/\/:secret\?$/, '')
    .replace(/:decision\{[^}]+\}/, 'refuse')
    .replace(/:decision\b/, 'refuse')
    .replace(/:code\b/, ids.code!)
    .replace(/:action\b/, 'suspend')
    .replace(/:flag\b/, 'fee')
    .replace(/:district\b/, 'Leribe')
    .replace(/:service\b/, 'police')
    .replace(/:file\b/, ids.file!)
    .replace(/:number\b/, ids.licence!)
    .replace(/:reference\b/, ids.reference!)
    .replace(/:conditionId\b/, ids.condition!)
    .replace(/^\/([a-z-]+)(\/[a-z]+)?\/:id\b/, (_all, first: string, second = '') => {
      const kind = `${first}${second}`
      return `/${first}${second}/${ids[kind] ?? randomUUID()}`
    })
}

function routeOf(method: string, url: string): string | undefined {
  const path = url.split(/[?#]/)[0]!
  for (const r of routes()) {
    if (r.method !== method) continue
    const pattern = r.path
      .replace(/\/:[a-zA-Z]+\?$/, '(?:/[^/]+)?')
      .replace(/:[a-zA-Z]+\{([^}]+)\}/g, '($1)')
      .replace(/:[a-zA-Z]+/g, '[^/]+')
    if (new RegExp(`^${pattern}$`).test(path)) return r.key
  }
  return undefined
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/** Reads the forms of a page into formFields and queryFields. */
function learnForms(html: string, pageRoute: string) {
  for (const form of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = form[1]!
    const method = /method="post"/i.test(attrs) ? 'POST' : 'GET'
    const action = decode(attrs.match(/action="([^"]*)"/)?.[1] ?? '')
    const key = method === 'GET' && !action ? pageRoute : routeOf(method, action)
    if (!key) continue
    const store = method === 'POST' ? formFields : queryFields
    const fields = store.get(key) ?? new Map<string, Set<string>>()
    store.set(key, fields)
    for (const field of form[2]!.matchAll(/<(input|select|textarea)\b([^>]*)>([\s\S]*?<\/select>)?/g)) {
      const name = field[2]!.match(/name="([^"]+)"/)?.[1]
      if (!name) continue
      const values = fields.get(name) ?? new Set<string>()
      fields.set(name, values)
      const value = field[2]!.match(/value="([^"]*)"/)?.[1]
      if (value !== undefined) values.add(decode(value))
      for (const option of (field[3] ?? '').matchAll(/<option\b[^>]*value="([^"]*)"/g))
        values.add(decode(option[1]!))
    }
  }
}

// Values nobody types.
const hostile = fc.oneof(
  fc.constantFrom(
    'poison\u0000',
    '\u0000',
    'a\u0007b\u001b[31m',
    'x\u007f\u0085\u009f',
    'line\r\nbreak\ttab',
    '\ud800',
    '\u202eevil',
    'e\u0301\u200b',
    '2147483648',
    '-2147483649',
    '-1',
    '0',
    '1.5',
    '1e400',
    'NaN',
    'Infinity',
    '9'.repeat(40),
    '0000-01-01',
    '9999-12-31',
    '2026-02-30',
    '2026-13-01',
    '1899-12-31',
    '2026-11-20T25:61',
    "' or 1=1 --",
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '%00',
    '__proto__',
    '',
    ' ',
    'x'.repeat(5000),
    'é'.repeat(3000),
    randomUUID(),
    '00000000-0000-0000-0000-000000000000',
    'LRA-2026-00001',
    'C-7KQ3-X9PD',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: -(2 ** 53), max: 2 ** 53 }).map(String),
)

/** One field's value: left out, one of the page's own, hostile, or repeated. */
const fieldValue = (known: Set<string>) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: known.size ? fc.constantFrom(...known) : hostile },
    { weight: 4, arbitrary: hostile },
    { weight: 1, arbitrary: fc.array(hostile, { minLength: 2, maxLength: 3 }) },
  )

const valuesFor = (fields: Fields) =>
  fc.record(Object.fromEntries([...fields].map(([name, known]) => [name, fieldValue(known)])), {
    requiredKeys: [],
  }) as fc.Arbitrary<Record<string, string | string[] | undefined>>

const ENCODINGS = [
  'form',
  'form',
  'form',
  'form',
  'form',
  'multipart',
  'json',
  'text',
  'none',
  'broken-multipart',
] as const

function body(values: Record<string, string | string[] | undefined>, encoding: (typeof ENCODINGS)[number]) {
  const entries = Object.entries(values).flatMap(([k, v]) =>
    v === undefined ? [] : [v].flat().map((x) => [k, x]),
  )
  switch (encoding) {
    case 'form':
      return {
        type: 'application/x-www-form-urlencoded',
        data: new URLSearchParams(entries as [string, string][]).toString(),
      }
    case 'multipart': {
      const form = new FormData()
      for (const [k, v] of entries) form.append(k!, v!)
      return { type: null, data: form }
    }
    case 'json':
      return { type: 'application/json', data: JSON.stringify(values) }
    case 'text':
      return { type: 'text/plain', data: entries.map(([k, v]) => `${k}=${v}`).join('\n') }
    case 'broken-multipart':
      return {
        type: 'multipart/form-data; boundary=zzz',
        data: '--zzz\r\nContent-Disposition: form-data; name="x"\r\n\r\nunterminated',
      }
    case 'none':
      return { type: null, data: entries.map(([k, v]) => `${k}=${v}`).join('&') }
  }
}

/** Every byte percent-encoded (encodeURIComponent throws on a lone surrogate). */
const percentEncoded = (v: string) =>
  [...Buffer.from(v)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')

/** What a refused request must leave as it was. */
async function snapshot() {
  const { rows } = await sql<{ version: string; audit: number; users: number; sessions: number }>`
    select (select version::text from registry_version) as version,
      -- A sign-in refused often enough pauses and audits that pause: that entry is the point.
      (select count(*)::int from audit_log where action <> 'sign_in.paused') as audit,
      (select count(*)::int from users) as users,
      (select count(*)::int from sessions) as sessions`.execute(registry.db)
  return rows[0]!
}

async function send(
  who: Role | 'anonymous',
  method: string,
  path: string,
  values: Record<string, string | string[] | undefined>,
  encoding: (typeof ENCODINGS)[number],
  withToken: boolean,
  queryNames: string[] = [],
) {
  const client = clients.get(who)!
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  if (method === 'GET') {
    const query = new URLSearchParams()
    for (const [k, v] of Object.entries(values)) for (const x of [v ?? []].flat()) query.append(k, x)
    const q = query.toString()
    return registry.app.request(`${path}${q ? `?${q}` : ''}`, { headers: { cookie } })
  }
  const query = new URLSearchParams()
  const form = { ...values }
  for (const name of queryNames) {
    for (const x of [form[name] ?? []].flat()) query.append(name, x)
    delete form[name]
  }
  if (queryNames.length) path = `${path}?${query.toString()}`
  const made = body(withToken ? { _csrf: client.csrfToken, ...form } : form, encoding)
  // The token also goes in the header, so that bodies of other kinds get past the CSRF check.
  const headers: Record<string, string> = withToken
    ? { cookie, 'x-csrf-token': client.csrfToken }
    : { cookie }
  if (made.type) headers['content-type'] = made.type
  return registry.app.request(path, { method, headers, body: made.data })
}

beforeAll(async () => {
  registry = await createTestRegistry()
  const db = registry.db
  await seedDemoData(db, { agencies: 12, worksites: 6, inspections: 18 })
  clients.set('anonymous', new TestClient(registry.app))
  for (const user of demoUsers()) {
    const client = new TestClient(registry.app)
    const res = await client.post('/login', { email: user.email, password: user.password })
    if (res.status !== 303) throw new Error(`could not sign in as ${user.role}`)
    clients.set(user.role, client)
  }
  const one = async <T>(query: Promise<T | undefined>) => {
    const row = await query
    if (!row) throw new Error('the demo data lacks a record the fuzz needs')
    return row
  }
  const target = await registry.createUser('analyst', { name: 'Fuzz Target' })
  KNOWN_QUERY.record = [
    (await one(db.selectFrom('inspections').select('idempotency_key').executeTakeFirst())).idempotency_key,
  ]
  KNOWN_QUERY.sha256 = ['0'.repeat(64)]
  KNOWN_QUERY.attached_to = ['inspection', 'indicator:deception', 'recruiter:1']
  Object.assign(ids, {
    agencies: (await one(db.selectFrom('licences').select('agency_id').executeTakeFirst())).agency_id,
    licence: (await one(db.selectFrom('licences').select('licence_number').executeTakeFirst()))
      .licence_number,
    // Records still open, so their pages show every form that acts on them.
    applications: (
      await one(
        db
          .selectFrom('licence_applications')
          .select('id')
          .where('status', '=', 'submitted')
          .executeTakeFirst(),
      )
    ).id,
    complaints: (
      await one(
        db
          .selectFrom('complaints')
          .select('id')
          .where('status', 'in', ['received', 'under_review'])
          .where('agency_id', 'is', null)
          .where('unlicensed_recruiter_id', 'is', null)
          .executeTakeFirst(),
      )
    ).id,
    reference: (await one(db.selectFrom('complaints').select('reference').executeTakeFirst())).reference,
    worksites: (await one(db.selectFrom('worksites').select('id').executeTakeFirst())).id,
    inspections: (
      await one(
        db.selectFrom('inspections').select('id').where('status', '=', 'submitted').executeTakeFirst(),
      )
    ).id,
    'inspection-findings': (await db.selectFrom('inspection_findings').select('id').executeTakeFirst())?.id,
    'follow-ups': (await db.selectFrom('inspection_follow_ups').select('id').executeTakeFirst())?.id,
    condition:
      (await db.selectFrom('licence_conditions').select('id').executeTakeFirst())?.id ?? randomUUID(),
    'admin/users': target.user.id,
    'job-offers': (await db.selectFrom('job_offers').select('id').executeTakeFirst())?.id ?? randomUUID(),
    code:
      (await db.selectFrom('job_offers').select('code').where('code', 'is not', null).executeTakeFirst())
        ?.code ?? '48215531',
    file: 'app.css',
  })
  // The pages each role sees, and the forms on them.
  const pages = [
    ...routes()
      .filter((r) => r.method === 'GET')
      .map((r) => ({ key: r.key, path: concrete(r.path) })),
    { key: 'GET /inspections/new', path: `/inspections/new?worksite=${ids.worksites}` },
    ...['reinstate', 'revoke', 'surrender'].map((a) => ({
      key: 'GET /agencies/:id/licence/:action',
      path: `/agencies/${ids.agencies}/licence/${a}`,
    })),
    {
      key: 'GET /applications/:id/:decision{refuse|withdraw}',
      path: `/applications/${ids.applications}/withdraw`,
    },
  ]
  for (const [, client] of clients)
    for (const page of pages) {
      const res = await client.get(page.path)
      if ((res.headers.get('content-type') ?? '').includes('text/html'))
        learnForms(await res.text(), page.key)
    }
}, 120_000)
afterAll(() => registry.close())

describe('hostile input on every route', () => {
  it('knows the fields of every form the app takes', () => {
    const missing = routes()
      .filter((r) => r.method === 'POST' && !formFields.has(r.key) && !(r.key in DECLARED))
      .map((r) => r.key)
    expect(missing).toEqual([])
  })

  it('never answers with a 5xx, and stores nothing for a request it refuses', {
    timeout: 600_000,
  }, async () => {
    let requests = 0
    for (const route of routes()) {
      const allowed = ACCESS[route.key]
      const fields: Fields = new Map(
        route.method === 'POST'
          ? [
              ...(formFields.get(route.key) ?? new Map()),
              ...(DECLARED[route.key] ?? []).map((n) => [n, new Set<string>()] as const),
              ...(POST_QUERY[route.key] ?? []).map((n) => [n, new Set(KNOWN_QUERY[n] ?? [])] as const),
            ]
          : [
              ...(queryFields.get(route.key) ?? new Map()),
              ...[...COMMON_QUERY, ...(EXTRA_QUERY[route.key] ?? [])].map(
                (n) => [n, new Set<string>()] as const,
              ),
            ],
      )
      for (const who of ['anonymous', ...ROLES] as const) {
        // Signing out would end the session the rest of the run uses: only anonymous tries it.
        if (route.key === 'POST /logout' && who !== 'anonymous') continue
        const mayUse = allowed === 'public' || (who !== 'anonymous' && allowed?.includes(who))
        const path = fc.oneof(
          { weight: 4, arbitrary: fc.constant(concrete(route.path)) },
          // Hostile path parameters too.
          {
            weight: 1,
            arbitrary: hostile.map((v) =>
              concrete(route.path).replace(
                /[0-9a-f]{8}-[0-9a-f-]{27}|LRA-\d{4}-\d{5}|C-[A-Z0-9-]{9}/,
                percentEncoded(v),
              ),
            ),
          },
        )
        await fc.assert(
          fc.asyncProperty(
            path,
            valuesFor(fields),
            fc.constantFrom(...ENCODINGS),
            // Mostly with the form token, so that requests get past the CSRF check.
            fc.oneof(
              { weight: 4, arbitrary: fc.constant(true) },
              { weight: 1, arbitrary: fc.constant(false) },
            ),
            async (at, values, encoding, withToken) => {
              const before = await snapshot()
              const res = await send(
                who,
                route.method,
                at,
                values,
                encoding,
                withToken,
                POST_QUERY[route.key],
              )
              await res.arrayBuffer()
              requests++
              const label = `${who} ${route.method} ${at} ${encoding} ${JSON.stringify(values).slice(0, 300)}`
              expect(res.status, label).toBeLessThan(500)
              // Refusals are the registry's own (422 with a message), never a framework's bare 400.
              expect(res.status, label).not.toBe(400)
              if (res.status >= 400) expect(await snapshot(), label).toEqual(before)
            },
          ),
          { numRuns: mayUse ? (route.method === 'POST' ? 20 : 6) : 2 },
        )
      }
    }
    expect(requests).toBeGreaterThan(3000)
  })
})
