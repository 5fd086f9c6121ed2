import type { Insertable } from 'kysely'
import type { JobOfferEventsTable, JobOffersTable } from '../db/types.js'
import { dammDigit } from '../job-offers/code.js'
import type { JobOfferStatus } from '../job-offers/lifecycle.js'
import { addDays } from '../time.js'
import type { Sector } from '../vocabulary.js'
import type { Random } from './generate.js'
import { seededUuid } from './licensing-history.js'

// Made-up job offers for the demo and the benchmark, two for each agency that holds a licence:
// one approved and open, the other in one of the other states (closed, withdrawn, awaiting a
// decision, refused), so every answer a worker can get is there to see. Employers are the kinds
// the TIP reports name: Free State farms, North West mines, Gauteng households, and the garment
// factories of Maseru and Maputsoe.

const EMPLOYERS: {
  name: string
  country: string
  place: string
  position: string
  sector: Sector
  wage: [number, number]
  currency: 'LSL' | 'ZAR'
  accommodation: string
}[] = [
  {
    name: 'Wepener Fruit Farms (Pty) Ltd',
    country: 'ZA',
    place: 'Ficksburg, Free State',
    position: 'Fruit picker (cherries)',
    sector: 'agriculture',
    wage: [4_200, 5_200],
    currency: 'ZAR',
    accommodation: 'Shared hostel on the farm, free of charge',
  },
  {
    name: 'Caledon Valley Asparagus',
    country: 'ZA',
    place: 'Clocolan, Free State',
    position: 'Farm worker (asparagus harvest)',
    sector: 'agriculture',
    wage: [4_000, 4_800],
    currency: 'ZAR',
    accommodation: 'Farm housing, water and electricity included',
  },
  {
    name: 'Bafokeng Platinum Services',
    country: 'ZA',
    place: 'Rustenburg, North West',
    position: 'Underground general worker',
    sector: 'mining',
    wage: [9_500, 12_000],
    currency: 'ZAR',
    accommodation: 'Mine hostel, meals at cost',
  },
  {
    name: 'Household of Mr and Mrs Dlamini',
    country: 'ZA',
    place: 'Randburg, Gauteng',
    position: 'Domestic worker (live-in)',
    sector: 'domestic_work',
    wage: [3_800, 4_500],
    currency: 'ZAR',
    accommodation: 'Own room in the employer’s house',
  },
  {
    name: 'Maseru Garment Manufacturers',
    country: 'LS',
    place: 'Thetsane industrial area, Maseru',
    position: 'Sewing machine operator',
    sector: 'manufacturing',
    wage: [2_300, 2_800],
    currency: 'LSL',
    accommodation: 'None: workers live at home',
  },
  {
    name: 'Maputsoe Knitwear (Pty) Ltd',
    country: 'LS',
    place: 'Maputsoe, Leribe',
    position: 'Quality checker (knitwear)',
    sector: 'manufacturing',
    wage: [2_400, 3_000],
    currency: 'LSL',
    accommodation: 'None: a company bus from Hlotse',
  },
]

/** A code never drawn before in this load. */
function demoCode(random: Random, taken: Set<string>): string {
  for (;;) {
    const payload = String(random.int(1_000_000, 9_999_999))
    const code = `${payload}${dammDigit(payload)}`
    if (!taken.has(code)) {
      taken.add(code)
      return code
    }
  }
}

const OTHER_STATES = ['closed', 'withdrawn', 'submitted', 'refused'] as const

/** An agency's two offers and their history: `licensed` says whether its licence is in force. */
export function generateJobOffers(
  random: Random,
  agencyId: string,
  index: number,
  today: string,
  officer: { id: string; label: string },
  codes: Set<string>,
): { offers: Insertable<JobOffersTable>[]; events: Insertable<JobOfferEventsTable>[] } {
  const offers: Insertable<JobOffersTable>[] = []
  const events: Insertable<JobOfferEventsTable>[] = []
  for (const kind of ['open', OTHER_STATES[index % OTHER_STATES.length]!] as const) {
    const employer = random.pick(EMPLOYERS)
    const id = seededUuid(random)
    const closed = kind === 'closed'
    const openFrom = closed ? addDays(today, -random.int(120, 300)) : addDays(today, -random.int(5, 60))
    const openUntil = closed ? addDays(openFrom, random.int(30, 90)) : addDays(today, random.int(20, 120))
    const status: JobOfferStatus =
      kind === 'open' || kind === 'closed' ? 'approved' : kind === 'withdrawn' ? 'withdrawn' : kind
    const coded = status === 'approved' || status === 'withdrawn'
    offers.push({
      id,
      agency_id: agencyId,
      code: coded ? demoCode(random, codes) : null,
      status,
      employer_name: employer.name,
      employer_country: employer.country,
      employer_place: employer.place,
      position: employer.position,
      sector: employer.sector,
      workers_wanted: random.int(5, 120),
      wage_minor: random.int(employer.wage[0], employer.wage[1]) * 100,
      wage_currency: employer.currency,
      contract_months: random.pick([6, 9, 12, 24]),
      hours_per_week: random.pick([40, 45, 48]),
      accommodation: employer.accommodation,
      recruitment_costs_paid_by: 'employer',
      travel_costs_paid_by: random.next() < 0.7 ? 'employer' : 'agency',
      open_from: openFrom,
      open_until: openUntil,
      contract_reference: `DL/${openFrom.slice(0, 4)}/${String(random.int(100, 9999)).padStart(4, '0')}`,
      submission_key: `demo-${id}`,
      recorded_by: officer.id || null,
    })
    const event = (e: string, to: JobOfferStatus, from: JobOfferStatus | null, reason: string | null) =>
      events.push({
        job_offer_id: id,
        event: e,
        from_status: from,
        to_status: to,
        reason,
        actor_id: officer.id || null,
        actor_label: officer.label || 'system',
      })
    event('recorded', 'submitted', null, null)
    if (status === 'approved' || status === 'withdrawn') event('approved', 'approved', 'submitted', null)
    if (status === 'withdrawn')
      event('withdrawn', 'withdrawn', 'approved', 'The employer filled the posts through its own office')
    if (status === 'refused')
      event('refused', 'refused', 'submitted', 'The demand letter could not be confirmed with the employer')
  }
  return { offers, events }
}
