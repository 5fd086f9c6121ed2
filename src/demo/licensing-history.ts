import type { Insertable } from 'kysely'
import { idNumberKey } from '../agencies/schemas.js'
import type {
  AgencyPeopleTable,
  LicenceApplicationsTable,
  LicenceEventsTable,
  LicencesTable,
} from '../db/types.js'
import type { LicenceStatus, PublicReason } from '../licensing/lifecycle.js'
import { addDays, addMonths, daysBetween, lesothoInstant } from '../time.js'
import type { Random } from './generate.js'

// The licensing past of a generated agency: its people, and for most of them a licence with
// the applications and events that led to it. Pure, so the demo and benchmark share it.

const FIRST_NAMES = [
  'Mpho',
  'Lerato',
  'Thabo',
  'Palesa',
  'Teboho',
  'Lineo',
  'Tšepang',
  'Nthabiseng',
  'Limpho',
  'Tumelo',
  'Mamello',
  'Refiloe',
]
const SURNAMES = [
  'Mokoena',
  'Letsie',
  'Mohapi',
  'Ntsane',
  'Mokhethi',
  'Lerotholi',
  'Seeiso',
  'Molapo',
  'Ramaili',
  'Nthako',
  'Tlali',
  'Makara',
]
const DEMO_ACTOR = { actor_id: null, actor_label: 'Demo data' }

/** A version-4 UUID from the seeded generator, so the same seed gives the same ids. */
export function seededUuid(r: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(r.next() * 16).toString(16))
  hex[12] = '4'
  hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  const s = hex.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}

export interface LicensingHistory {
  people: Insertable<AgencyPeopleTable>[]
  licence: (Omit<Insertable<LicencesTable>, 'licence_number'> & { id: string; issueYear: number }) | null
  applications: (Insertable<LicenceApplicationsTable> & { id: string })[]
  events: Insertable<LicenceEventsTable>[]
}

const REASONS: Record<Exclude<LicenceStatus, 'active'>, string> = {
  suspended: 'Workers reported paying recruitment fees',
  revoked: 'Sent workers to jobs that did not exist',
  surrendered: 'The agency closed its office and gave up its licence',
}
// What the public is told of those, as a category (the words above stay internal).
const PUBLIC_REASON_OF: Partial<Record<string, PublicReason>> = {
  suspended: 'recruitment_fees',
  revoked: 'deception',
}

const at = (date: string) => lesothoInstant(`${date}T09:00`)

/** Every standing a person can meet, in the order the first demo agencies take them. */
export const DEMO_FATES = [
  'licensed',
  'suspended',
  'revoked',
  'expired',
  'surrendered',
  'pending',
  'refused',
  'unlicensed',
] as const
export type DemoFate = (typeof DEMO_FATES)[number]

/**
 * An agency's licensing past; `fate` makes it end in that standing (the first demo agencies
 * take one each, so a small demo holds every standing), otherwise chance decides.
 */
export function generateLicensingHistory(
  r: Random,
  agencyId: string,
  today: string,
  fate?: DemoFate,
): LicensingHistory {
  const people: Insertable<AgencyPeopleTable>[] = Array.from({ length: r.int(1, 3) }, (_, position) => {
    const passport = r.next() < 0.3
    const idNumber = passport
      ? `RA${r.int(1_000_000, 9_999_999)}`
      : `${r.int(100_000, 999_999)}${r.int(100_000, 999_999)}`
    return {
      agency_id: agencyId,
      role: position === 0 ? 'principal' : 'director',
      name: `${r.pick(FIRST_NAMES)} ${r.pick(SURNAMES)}`,
      id_number: idNumber,
      id_number_key: idNumberKey(idNumber),
      position,
    }
  })
  // An expired licence was issued more than a year before its last missed renewal.
  const registeredOn = addDays(today, -Math.max(r.int(60, 3650), fate === 'expired' ? 800 : 0))
  const events: Insertable<LicenceEventsTable>[] = [
    { agency_id: agencyId, event: 'agency_registered', at: at(registeredOn), ...DEMO_ACTOR },
  ]
  const applications: LicensingHistory['applications'] = []
  const rolled = r.next()
  const roll =
    fate === 'unlicensed' ? 0.05 : fate === 'pending' ? 0.15 : fate === 'refused' ? 0.23 : fate ? 0.5 : rolled
  if (roll < 0.12) return { people, licence: null, applications, events }

  const submittedOn = addDays(registeredOn, r.int(1, 20))
  const first = {
    id: seededUuid(r),
    agency_id: agencyId,
    kind: 'new' as const,
    submitted_at: at(submittedOn),
  }
  events.push({
    agency_id: agencyId,
    application_id: first.id,
    event: 'application_submitted',
    to_status: 'submitted',
    at: at(submittedOn),
    ...DEMO_ACTOR,
  })
  if (roll < 0.22) {
    applications.push({ ...first, status: 'submitted', registration_seen: r.next() < 0.5 })
    return { people, licence: null, applications, events }
  }
  const decidedOn = addDays(submittedOn, r.int(3, 40))
  if (roll < 0.25) {
    applications.push({
      ...first,
      status: 'refused',
      decided_at: at(decidedOn),
      decision_reason: 'Office could not be found',
    })
    events.push({
      agency_id: agencyId,
      application_id: first.id,
      event: 'application_refused',
      from_status: 'submitted',
      to_status: 'refused',
      reason: 'Office could not be found',
      at: at(decidedOn),
      ...DEMO_ACTOR,
    })
    return { people, licence: null, applications, events }
  }
  applications.push({
    ...first,
    status: 'approved',
    decided_at: at(decidedOn),
    fit_and_proper_checked: true,
    registration_seen: true,
    office_visited: true,
    fee_free_declaration_signed: true,
  })
  const licenceId = seededUuid(r)
  events.push(
    {
      agency_id: agencyId,
      application_id: first.id,
      event: 'application_approved',
      from_status: 'submitted',
      to_status: 'approved',
      at: at(decidedOn),
      ...DEMO_ACTOR,
    },
    {
      agency_id: agencyId,
      licence_id: licenceId,
      event: 'licence_issued',
      to_status: 'active',
      at: at(decidedOn),
      ...DEMO_ACTOR,
    },
  )
  // Renewed every year since issue: the expiry falls somewhere in the coming year, so about one
  // licence in nine comes up for renewal within six weeks. One in twenty missed its last renewal.
  let expires = addDays(addMonths(decidedOn, 12), -1)
  const renewals: string[] = []
  while (expires < today) {
    renewals.push(addDays(expires, -r.int(5, 30)))
    expires = addDays(addMonths(addDays(expires, 1), 12), -1)
  }
  const missedRenewal = r.next() < 0.05
  if (renewals.length > 0 && (fate === 'expired' || (!fate && missedRenewal))) {
    renewals.pop()
    expires = addDays(addMonths(addDays(expires, 1), -12), -1)
  }
  for (const renewedOn of renewals) {
    events.push({
      agency_id: agencyId,
      licence_id: licenceId,
      event: 'licence_renewed',
      from_status: 'active',
      to_status: 'active',
      at: at(renewedOn),
      ...DEMO_ACTOR,
    })
  }
  const chance = r.next()
  const status: LicenceStatus =
    fate === 'suspended' || (!fate && chance < 0.06)
      ? 'suspended'
      : fate === 'revoked' || (!fate && chance > 0.97)
        ? 'revoked'
        : fate === 'surrendered'
          ? 'surrendered'
          : 'active'
  // A suspension, revocation or surrender comes after the licence's last issue or renewal.
  const lastRenewed = renewals.at(-1) ?? decidedOn
  const room = daysBetween(lastRenewed, today)
  const changedOn = room > 1 ? addDays(lastRenewed, r.int(1, Math.min(room - 1, 200))) : today
  // A suspension runs for a while yet: until some day in the coming months.
  const suspendedUntil = status === 'suspended' ? addDays(today, r.int(20, 120)) : null
  if (status !== 'active') {
    events.push({
      agency_id: agencyId,
      licence_id: licenceId,
      event: `licence_${status}`,
      from_status: 'active',
      to_status: status,
      reason: REASONS[status],
      public_reason: PUBLIC_REASON_OF[status] ?? null,
      at: at(changedOn),
      ...DEMO_ACTOR,
    })
  }
  return {
    people,
    licence: {
      id: licenceId,
      agency_id: agencyId,
      status,
      issued_on: decidedOn,
      expires_on: expires,
      suspended_until: suspendedUntil,
      public_reason: PUBLIC_REASON_OF[status] ?? null,
      issueYear: Number(decidedOn.slice(0, 4)),
    },
    applications,
    events,
  }
}
