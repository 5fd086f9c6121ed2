import { SYSTEM_ACTOR, writeAudit } from '../audit/audit.js'
import { insertUser } from '../auth/accounts.js'
import { hashPassword } from '../auth/password.js'
import type { Database } from '../db/database.js'
import { type DemoUser, demoUsers, generateAgency, generateWorksite, seededRandom } from './generate.js'

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
  for (let start = 0; start < options.agencies; start += BATCH) {
    const rows = []
    for (let i = start; i < Math.min(options.agencies, start + BATCH); i++)
      rows.push(generateAgency(random, i))
    await db.insertInto('agencies').values(rows).execute()
    options.onProgress?.(start + rows.length, options.agencies)
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
