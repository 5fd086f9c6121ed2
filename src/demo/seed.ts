import { SYSTEM_ACTOR, writeAudit } from '../audit/audit.js'
import { insertUser } from '../auth/accounts.js'
import { hashPassword } from '../auth/password.js'
import type { Database } from '../db/database.js'
import { todayInLesotho } from '../licensing/dates.js'
import { formatLicenceNumber } from '../licensing/lifecycle.js'
import { type DemoUser, demoUsers, generateAgency, generateWorksite, seededRandom } from './generate.js'
import { generateLicensingHistory, seededUuid } from './licensing-history.js'

export interface SeedOptions {
  /** Number of agencies; worksites are a quarter of it (at least a dozen). */
  agencies: number
  seed?: number
  onProgress?: (done: number, total: number) => void
}

const BATCH = 1000

/** Fills a freshly migrated database: demo users, then agencies and worksites in batches. */
export async function seedDemoData(
  db: Database,
  options: SeedOptions,
): Promise<{ users: DemoUser[]; worksites: number }> {
  const random = seededRandom(options.seed ?? 2026)
  const users = demoUsers()
  for (const u of users) {
    await insertUser(db, {
      email: u.email,
      name: u.name,
      role: u.role,
      homeDistrict: u.district,
      passwordHash: await hashPassword(u.password),
      mustChangePassword: false,
    })
  }
  const today = todayInLesotho()
  // Licence numbers run per year of first issue, as the registry issues them.
  const sequences = new Map<number, number>()
  for (let start = 0; start < options.agencies; start += BATCH) {
    const agencies = []
    const histories = []
    for (let i = start; i < Math.min(options.agencies, start + BATCH); i++) {
      const id = seededUuid(random)
      agencies.push({ id, ...generateAgency(random, i) })
      histories.push(generateLicensingHistory(random, id, today))
    }
    const licences = histories.flatMap((h) => {
      if (!h.licence) return []
      const { issueYear, ...licence } = h.licence
      const sequence = (sequences.get(issueYear) ?? 0) + 1
      sequences.set(issueYear, sequence)
      return [{ ...licence, licence_number: formatLicenceNumber(issueYear, sequence) }]
    })
    await db.insertInto('agencies').values(agencies).execute()
    await db
      .insertInto('agency_people')
      .values(histories.flatMap((h) => h.people))
      .execute()
    if (licences.length) await db.insertInto('licences').values(licences).execute()
    const applications = histories.flatMap((h) => h.applications)
    if (applications.length) await db.insertInto('licence_applications').values(applications).execute()
    await db
      .insertInto('licence_events')
      .values(histories.flatMap((h) => h.events))
      .execute()
    options.onProgress?.(start + agencies.length, options.agencies)
  }
  if (sequences.size > 0) {
    await db
      .insertInto('licence_number_counters')
      .values([...sequences].map(([year, last_sequence]) => ({ year, last_sequence })))
      .onConflict((oc) =>
        oc.column('year').doUpdateSet((eb) => ({ last_sequence: eb.ref('excluded.last_sequence') })),
      )
      .execute()
  }
  const worksites = Math.max(12, Math.floor(options.agencies / 4))
  for (let start = 0; start < worksites; start += BATCH) {
    const rows = []
    for (let i = start; i < Math.min(worksites, start + BATCH); i++) rows.push(generateWorksite(random))
    await db.insertInto('worksites').values(rows).execute()
  }
  // One entry for the whole load: who put this data here and how much.
  await writeAudit(db, SYSTEM_ACTOR, {
    action: 'demo.seeded',
    entity: 'registry',
    after: { users: users.length, agencies: options.agencies, worksites },
  })
  return { users, worksites }
}
