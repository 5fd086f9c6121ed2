import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registryVersion } from '../../src/db/registry-version.js'
import { revokeThroughNotice } from '../support/licence-actions.js'
import { insertPublicFixture } from '../support/public-fixtures.js'
import { createTestRegistry } from '../support/registry.js'

// Pages are kept and sent again while the registry is unchanged (src/http/kept-responses.ts).
// These tests prove that a change shows on the very next request, and that a page made for
// one person never reaches another.

let registry: Awaited<ReturnType<typeof createTestRegistry>>
beforeAll(async () => {
  registry = await createTestRegistry()
})
afterAll(() => registry.close())

const anonymous = (path: string) => registry.app.request(path)
const words = async (res: Response) => (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

async function licenceVersion(agencyId: string) {
  const row = await registry.db
    .selectFrom('licences')
    .select('version')
    .where('agency_id', '=', agencyId)
    .executeTakeFirstOrThrow()
  return String(row.version)
}

describe('kept pages', () => {
  it('answer a request whose path is the route’s own pattern, every time', async () => {
    // Hono runs the route twice for such a path; the second pass once waited for the first forever.
    for (const path of ['/verify/:number', '/jobs/:code', '/verify/:number']) {
      const answered = await Promise.race([
        Promise.resolve(anonymous(path)).then((res) => res.status),
        new Promise((resolve) => setTimeout(() => resolve('no answer after 5 s'), 5000)),
      ])
      expect(answered).toBe(404)
    }
  })

  it('show a suspension on the very next public request', async () => {
    const { agencyId, licenceNumber } = await insertPublicFixture(registry.db, {
      name: 'Mohale Dam Recruiters',
      standing: 'licensed',
    })
    const officer = await registry.signedInAs('licensing_officer')
    const pages = [`/verify/${licenceNumber}`, '/lookup?q=mohale%20dam', '/api/v1/agencies?q=mohale']
    for (let round = 0; round < 2; round++) {
      for (const path of pages)
        expect(await words(await anonymous(path))).toMatch(/Licensed until|"licensed"/)
    }

    const suspended = await officer.client.post(`/agencies/${agencyId}/licence/suspend`, {
      version: await licenceVersion(agencyId),
      reason: 'Workers charged placement fees',
      public_reason: 'recruitment_fees',
    })
    expect(suspended.status).toBe(303)

    for (const path of pages) {
      const body = await words(await anonymous(path))
      expect(body).not.toMatch(/Licensed until|"licensed"/)
      expect(body).toMatch(/Suspended|"suspended"/)
    }
  })

  it('show the licensing office its own change on the agency page and in the list', async () => {
    const { agencyId } = await insertPublicFixture(registry.db, {
      name: 'Semonkong Farm Labour',
      standing: 'licensed',
    })
    const officer = await registry.signedInAs('licensing_officer')
    const page = `/agencies/${agencyId}`
    const list = '/agencies?q=semonkong'
    for (let round = 0; round < 2; round++) {
      expect(await words(await officer.client.get(page))).not.toContain('Withdraws recognition')
      expect(await words(await officer.client.get(list))).toContain('Licensed')
    }
    await revokeThroughNotice(officer.client, agencyId, 'Withdraws recognition of workers’ contracts')
    const after = await words(await officer.client.get(page))
    expect(after).toContain('Withdraws recognition')
    expect(after).toContain('Revoked')
    expect(await words(await officer.client.get(list))).toContain('Revoked')
  })

  it('never give one person’s page to another', async () => {
    const { agencyId } = await insertPublicFixture(registry.db, {
      name: 'Quthing Placements',
      standing: 'licensed',
    })
    const officer = await registry.signedInAs('licensing_officer')
    const analyst = await registry.signedInAs('analyst')
    const officerName = officer.user.name

    // A signed-in officer on a public page sees their name and a sign-out form ...
    const staffHome = await officer.client.get('/')
    expect(await staffHome.text()).toContain(officerName)
    // ... which neither the public nor a colleague is ever sent.
    for (let round = 0; round < 2; round++) {
      const publicHome = await (await anonymous('/')).text()
      expect(publicHome).not.toContain(officerName)
      expect(publicHome).not.toContain(officer.client.csrfToken)
    }
    expect(await (await officer.client.get(`/agencies/${agencyId}`)).text()).toContain(officerName)
    const seenByAnalyst = await (await analyst.client.get(`/agencies/${agencyId}`)).text()
    expect(seenByAnalyst).toContain(analyst.user.name)
    expect(seenByAnalyst).not.toContain(officerName)
    expect(seenByAnalyst).not.toContain(officer.client.csrfToken)
    // The analyst may read but not act: no lifecycle buttons from the officer's page.
    expect(seenByAnalyst).not.toContain(`/agencies/${agencyId}/licence/suspend`)
  })

  it('are not sent after the person signs out', async () => {
    const { agencyId } = await insertPublicFixture(registry.db, {
      name: 'Roma Valley Staffing',
      standing: 'licensed',
    })
    const officer = await registry.signedInAs('licensing_officer')
    expect((await officer.client.get(`/agencies/${agencyId}`)).status).toBe(200)
    await officer.client.post('/logout')
    const after = await officer.client.get(`/agencies/${agencyId}`)
    expect(after.status).toBe(303)
    expect(after.headers.get('location')).toMatch(/^\/login/)
  })
})

describe('the registry version', () => {
  it('moves once per committed transaction, however many rows it changes', async () => {
    const before = BigInt(await registryVersion(registry.db))
    await registry.db.transaction().execute(async (trx) => {
      for (const name of ['Butha-Buthe Jobs', 'Mokhotlong Hands']) {
        await insertPublicFixture(trx, { name, standing: 'none' })
      }
    })
    expect(BigInt(await registryVersion(registry.db))).toBe(before + 1n)
  })

  it('does not move when a transaction is rolled back', async () => {
    const before = await registryVersion(registry.db)
    await expect(
      registry.db.transaction().execute(async (trx) => {
        await insertPublicFixture(trx, { name: 'Never Saved Agency', standing: 'none' })
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    expect(await registryVersion(registry.db)).toBe(before)
  })

  it('is moved by every table of registry data (a new table must add the trigger or be exempt)', async () => {
    // Tables that no kept page shows, or whose changes need not show at once.
    const exempt = [
      'app_settings',
      'audit_log',
      // Derived from agency names by a trigger: the change to the agency moves the version.
      'agency_name_words',
      'agency_words',
      // An upload must not end every kept public page; no kept page shows a photo.
      'inspection_photos',
      'inspection_photo_pieces',
      'kysely_migration',
      'kysely_migration_lock',
      'licence_number_counters',
      'registry_version',
      'sessions',
      'setup_tokens',
      'sign_in_throttles',
      'users',
    ]
    const { rows } = await sql<{ table: string }>`
      select c.relname as table
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind = 'r'
        and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'registry_changed')
      order by 1`.execute(registry.db)
    expect(rows.map((r) => r.table).filter((t) => !exempt.includes(t))).toEqual([])
  })
})
