import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoData } from '../../src/demo/seed.js'
import { todayInLesotho } from '../../src/time.js'
import { createTestRegistry } from '../support/registry.js'

// The demo is how people first meet the registry: even its default size (40 agencies, as
// `npm run demo` seeds) holds every standing a worker or an officer can come across.
let registry: Awaited<ReturnType<typeof createTestRegistry>>
beforeAll(async () => {
  registry = await createTestRegistry()
  await seedDemoData(registry.db, { agencies: 40 })
})
afterAll(() => registry.close())

const words = async (res: Response) => (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

describe('the default demo', () => {
  it('holds a licence in every state, an application waiting and one refused, and an agency never licensed', async () => {
    const today = todayInLesotho()
    const licences = await registry.db
      .selectFrom('licences')
      .select(['licence_number', 'status', 'expires_on', 'suspended_until'])
      .execute()
    expect(new Set(licences.map((l) => l.status))).toEqual(
      new Set(['active', 'suspended', 'revoked', 'surrendered']),
    )
    expect(licences.some((l) => l.status === 'active' && l.expires_on >= today)).toBe(true)
    expect(licences.some((l) => l.status === 'active' && l.expires_on < today)).toBe(true)
    const suspended = licences.find((l) => l.status === 'suspended')!
    expect(suspended.suspended_until! > today).toBe(true)
    const applications = await registry.db.selectFrom('licence_applications').select('status').execute()
    expect(applications.map((a) => a.status)).toEqual(
      expect.arrayContaining(['submitted', 'refused', 'approved']),
    )
    const neverLicensed = await registry.db
      .selectFrom('agencies')
      .leftJoin('licence_applications', 'licence_applications.agency_id', 'agencies.id')
      .select('agencies.id')
      .where('licence_applications.id', 'is', null)
      .execute()
    expect(neverLicensed.length).toBeGreaterThan(0)

    // A worker checking the suspended one is told so, and until when.
    const verify = await words(await registry.app.request(`/verify/${suspended.licence_number}`))
    expect(verify).toContain('Suspended')
    expect(verify).toMatch(/until \d{1,2} \w+ 20\d\d/)
  })

  it('tells every licence’s story in order: issued, renewed, then suspended, revoked or surrendered', async () => {
    const events = await registry.db
      .selectFrom('licence_events')
      .select(['licence_id', 'event', 'at'])
      .where('licence_id', 'is not', null)
      .orderBy('id')
      .execute()
    const byLicence = new Map<string, typeof events>()
    for (const e of events) byLicence.set(e.licence_id!, [...(byLicence.get(e.licence_id!) ?? []), e])
    for (const story of byLicence.values()) {
      const issued = story.find((e) => e.event === 'licence_issued')!.at.getTime()
      const lastRenewed = Math.max(
        issued,
        ...story.filter((e) => e.event === 'licence_renewed').map((e) => e.at.getTime()),
      )
      for (const end of story.filter((e) => /^licence_(suspended|revoked|surrendered)$/.test(e.event)))
        expect(end.at.getTime(), end.event).toBeGreaterThanOrEqual(lastRenewed)
    }
  })
})
