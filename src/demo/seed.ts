import { SYSTEM_ACTOR, writeAudit } from '../audit/audit.js'
import { insertUser } from '../auth/accounts.js'
import { hashPassword } from '../auth/password.js'
import type { Database } from '../db/database.js'
import { todayInLesotho } from '../licensing/dates.js'
import { formatLicenceNumber } from '../licensing/lifecycle.js'
import { generateComplaint } from './complaints.js'
import { type DemoUser, demoUsers, generateAgency, generateWorksite, seededRandom } from './generate.js'
import { generateLicensingHistory, seededUuid } from './licensing-history.js'

export interface SeedOptions {
  /** Number of agencies; worksites are a quarter of it (at least a dozen). */
  agencies: number
  /** Complaints from the public; twice the agencies unless given. */
  complaints?: number
  seed?: number
  onProgress?: (done: number, total: number) => void
}

const BATCH = 1000

/** Fills a freshly migrated database: demo users, then agencies and worksites in batches. */
export async function seedDemoData(
  db: Database,
  options: SeedOptions,
): Promise<{ users: DemoUser[]; worksites: number; complaints: number }> {
  const random = seededRandom(options.seed ?? 2026)
  const users = demoUsers()
  let officer = { id: '', label: '' }
  for (const u of users) {
    const inserted = await insertUser(db, {
      email: u.email,
      name: u.name,
      role: u.role,
      homeDistrict: u.district,
      passwordHash: await hashPassword(u.password),
      mustChangePassword: false,
    })
    if (u.role === 'licensing_officer') officer = { id: inserted.id, label: inserted.name }
  }
  const today = todayInLesotho()
  // Licence numbers run per year of first issue, as the registry issues them.
  const sequences = new Map<number, number>()
  const agencyIds: string[] = []
  for (let start = 0; start < options.agencies; start += BATCH) {
    const agencies = []
    const histories = []
    for (let i = start; i < Math.min(options.agencies, start + BATCH); i++) {
      const id = seededUuid(random)
      agencies.push({ id, ...generateAgency(random, i) })
      agencyIds.push(id)
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
  const complaints = options.complaints ?? options.agencies * 2
  const references = new Set<string>()
  for (let start = 0; start < complaints; start += BATCH) {
    const batch = []
    for (let i = start; i < Math.min(complaints, start + BATCH); i++) {
      const agencyId = random.next() < 0.75 ? random.pick(agencyIds) : null
      batch.push(generateComplaint(random, i, agencyId, today, officer, references))
    }
    await db
      .insertInto('complaints')
      .values(batch.map((b) => b.complaint))
      .execute()
    const events = batch.flatMap((b) => b.events)
    if (events.length) await db.insertInto('complaint_events').values(events).execute()
  }
  // One entry for the whole load: who put this data here and how much.
  await writeAudit(db, SYSTEM_ACTOR, {
    action: 'demo.seeded',
    entity: 'registry',
    after: { users: users.length, agencies: options.agencies, worksites, complaints },
  })
  return { users, worksites, complaints }
}
