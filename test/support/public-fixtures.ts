import { randomBytes } from 'node:crypto'
import type { Database } from '../../src/db/database.js'
import type { LicenceStatus } from '../../src/licensing/lifecycle.js'
import { addDays, todayInLesotho } from '../../src/time.js'
import type { District, Sector } from '../../src/vocabulary.js'

// Agencies in every public standing, written straight to the database: the public side's
// tests are about what is shown, not about how the licensing office got there.

export type FixtureStanding = 'licensed' | 'suspended' | 'revoked' | 'expired' | 'pending' | 'none'

let sequence = 90_000

/** Private values every fixture carries, so tests can prove none reaches the public. */
export const PRIVATE_VALUES = {
  idNumber: 'ZZ9988776',
  phone: '+266 5999 0000',
  email: 'secret.owner@example.ls',
  notes: 'Officer note: principal under police investigation',
  address: 'Plot 999, Hidden Road',
  personName: 'Teboho Hiddenname',
}

export async function insertPublicFixture(
  db: Database,
  options: {
    name: string
    tradingNames?: string[]
    standing: FixtureStanding
    district?: District
    sectors?: Sector[]
    suspendedUntil?: string
  },
): Promise<{ agencyId: string; licenceNumber: string | null }> {
  const today = todayInLesotho()
  const agency = await db
    .insertInto('agencies')
    .values({
      legal_name: options.name,
      trading_names: options.tradingNames ?? [],
      registration_number: `FX/${randomBytes(5).toString('hex')}`,
      district: options.district ?? 'Maseru',
      physical_address: PRIVATE_VALUES.address,
      phone: PRIVATE_VALUES.phone,
      email: PRIVATE_VALUES.email,
      sectors: options.sectors ?? ['agriculture'],
      destination_countries: ['ZA'],
      notes: PRIVATE_VALUES.notes,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('agency_people')
    .values({
      agency_id: agency.id,
      role: 'principal',
      name: PRIVATE_VALUES.personName,
      id_number: PRIVATE_VALUES.idNumber,
      id_number_key: PRIVATE_VALUES.idNumber,
    })
    .execute()
  if (options.standing === 'pending') {
    await db.insertInto('licence_applications').values({ agency_id: agency.id, kind: 'new' }).execute()
  }
  if (options.standing === 'pending' || options.standing === 'none') {
    return { agencyId: agency.id, licenceNumber: null }
  }
  sequence += 1
  const licenceNumber = `LRA-2025-${sequence}`
  const status: LicenceStatus =
    options.standing === 'expired' || options.standing === 'licensed' ? 'active' : options.standing
  const licence = await db
    .insertInto('licences')
    .values({
      agency_id: agency.id,
      licence_number: licenceNumber,
      status,
      issued_on: addDays(today, -400),
      expires_on: options.standing === 'expired' ? addDays(today, -35) : addDays(today, 200),
      suspended_until: options.suspendedUntil ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (status === 'suspended' || status === 'revoked') {
    // The event that took the licence out of force, as the licensing office records it.
    await db
      .insertInto('licence_events')
      .values({
        agency_id: agency.id,
        licence_id: licence.id,
        event: `licence_${status}`,
        from_status: 'active',
        to_status: status,
        reason: 'Fixture',
        actor_label: 'fixture',
      })
      .execute()
  }
  return { agencyId: agency.id, licenceNumber }
}
