import type { Insertable } from 'kysely'
import { type ComplaintCategory, complaintReference, pointsForFinding } from '../complaints/rules.js'
import type { ComplaintEventsTable, ComplaintsTable } from '../db/types.js'
import { addDays, lesothoInstant } from '../time.js'
import { DISTRICTS } from '../vocabulary.js'
import type { Random } from './generate.js'
import { seededUuid } from './licensing-history.js'

// Made-up complaints for the demo and the benchmark: most about registered agencies, a
// quarter about recruiters the registry does not know; older ones mostly decided, recent ones
// mostly waiting, as a working office would leave them.

// How often each category is reported (weights): fees first, as the TIP reports describe.
const CATEGORY_WEIGHTS: [ComplaintCategory, number][] = [
  ['recruitment_fee', 45],
  ['deception', 20],
  ['contract_substitution', 8],
  ['documents_retained', 7],
  ['unlicensed_recruitment', 10],
  ['wages_withheld', 7],
  ['other', 3],
]
const JOBS = [
  'farm worker',
  'factory machinist',
  'domestic worker',
  'security guard',
  'mine worker',
  'waiter',
]
const EMPLOYERS = [
  'a farm near Ficksburg',
  'a factory in Johannesburg',
  'a hotel in Durban',
  'a family in Bloemfontein',
]
const UNLISTED_NAMES = [
  'Ntate Sello',
  'Mme Puleng',
  'Bra Tsietsi',
  'Jobs4U Lesotho',
  'Quick Work SA',
  'Abuti Lefu',
]
const DESCRIPTIONS = [
  'He asked each of us for money before the bus would leave, and the job was not there.',
  'We paid for the work permit and transport. At the farm the pay was half of what was promised.',
  'They kept our passports at the office and said we would get them after paying.',
  'The contract we signed in Maseru was taken away and we were given a different one.',
]

export interface DemoComplaint {
  complaint: Insertable<ComplaintsTable> & { id: string }
  events: Insertable<ComplaintEventsTable>[]
}

function weightedCategory(r: Random): ComplaintCategory {
  const total = CATEGORY_WEIGHTS.reduce((sum, [, w]) => sum + w, 0)
  let x = r.next() * total
  for (const [category, weight] of CATEGORY_WEIGHTS) {
    x -= weight
    if (x < 0) return category
  }
  return 'other'
}

const at = (date: string, hour: number) => lesothoInstant(`${date}T${String(hour).padStart(2, '0')}:00`)

/**
 * The complaint at position `index`. `agencyId` is the agency it is about (null: an unlisted
 * recruiter); `officer` decides and is written into the history; `taken` holds the references
 * used so far, so none repeats.
 */
export function generateComplaint(
  r: Random,
  index: number,
  agencyId: string | null,
  today: string,
  officer: { id: string; label: string },
  taken: Set<string>,
): DemoComplaint {
  const id = seededUuid(r)
  let reference: string
  do reference = complaintReference(Uint8Array.from({ length: 8 }, () => r.int(0, 255)))
  while (taken.has(reference))
  taken.add(reference)

  const categories = [...new Set([weightedCategory(r), ...(r.next() < 0.3 ? [weightedCategory(r)] : [])])]
  if (!agencyId && !categories.includes('unlicensed_recruitment') && r.next() < 0.5)
    categories.push('unlicensed_recruitment')
  const ageDays = r.int(1, 1100)
  const createdOn = addDays(today, -ageDays)
  // Reported in the morning; officers act at noon (see step).
  const created = at(createdOn, r.int(7, 11))
  const fee = categories.includes('recruitment_fee')
  const contact = r.next() < 0.6
  const complaint: DemoComplaint['complaint'] = {
    id,
    reference,
    submission_key: `demo-complaint-${String(index).padStart(8, '0')}`,
    agency_id: agencyId,
    recruiter_name: agencyId ? null : r.pick(UNLISTED_NAMES),
    recruiter_place: agencyId ? null : r.pick(['Maseru bus rank', 'Maputsoe border post', 'Mafeteng market']),
    recruiter_phone: agencyId || r.next() < 0.5 ? null : `+266 5${r.int(100, 999)} ${r.int(1000, 9999)}`,
    categories,
    fee_amount_minor: fee ? r.int(5, 60) * 10_000 : null,
    fee_currency: fee ? r.pick(['LSL', 'ZAR'] as const) : null,
    happened_on: addDays(createdOn, -r.int(0, 30)),
    district: r.pick(DISTRICTS),
    promised_job: r.pick(JOBS),
    promised_employer: r.pick(EMPLOYERS),
    promised_country: 'South Africa',
    description: r.pick(DESCRIPTIONS),
    contact_phone: contact ? `+266 6${r.int(100, 999)} ${r.int(1000, 9999)}` : null,
    may_contact: contact,
    contact_language: contact ? r.pick(['en', 'st'] as const) : null,
    language: r.next() < 0.6 ? 'st' : 'en',
    created_at: created,
    updated_at: created,
  }
  const events: Insertable<ComplaintEventsTable>[] = []
  const step = (event: string, from: string, to: string, date: string, detail: string | null = null) =>
    events.push({
      complaint_id: id,
      event,
      from_status: from,
      to_status: to,
      detail,
      actor_id: officer.id,
      actor_label: officer.label,
      created_at: at(date, 12),
    })

  // Recent complaints mostly wait; older ones were mostly taken up and decided.
  const roll = r.next()
  const taken_up = ageDays > 60 ? roll < 0.95 : roll < 0.5
  if (!taken_up) return { complaint, events }
  // Every step happened before today, so no date lies in the future whatever the hour.
  const assignedOn = addDays(createdOn, r.int(1, 10))
  if (assignedOn >= today) return { complaint, events }
  step('assigned', 'received', 'under_review', assignedOn)
  Object.assign(complaint, { status: 'under_review', assigned_to: officer.id })
  const decide = ageDays > 60 ? r.next() < 0.85 : r.next() < 0.3
  if (!decide) return { complaint, events }
  const decidedOn = addDays(assignedOn, r.int(5, 50))
  if (decidedOn >= today) return { complaint, events }
  const substantiated = r.next() < 0.3
  const proven = substantiated ? categories.filter((_, i) => i === 0 || r.next() < 0.5) : []
  const finding = substantiated
    ? 'Workers confirmed what was reported; receipts seen.'
    : 'No evidence beyond the report; the recruiter could not be traced.'
  Object.assign(complaint, {
    status: 'decided',
    outcome: substantiated ? 'substantiated' : 'unsubstantiated',
    proven_categories: proven,
    finding,
    demerit_points: substantiated ? pointsForFinding(proven) : 0,
    decided_at: at(decidedOn, 12),
    decided_by: officer.id,
    updated_at: at(decidedOn, 12),
  })
  step(substantiated ? 'substantiated' : 'unsubstantiated', 'under_review', 'decided', decidedOn, finding)
  if (substantiated && r.next() < 0.15) {
    complaint.police_case_number = `CR ${r.int(1, 999)}/${decidedOn.slice(5, 7)}/${decidedOn.slice(0, 4)}`
    complaint.referred_at = at(decidedOn, 12)
    step('referred_to_police', 'decided', 'decided', decidedOn, complaint.police_case_number)
  }
  if (ageDays > 200 && r.next() < 0.5) {
    const closedOn = addDays(decidedOn, r.int(1, 30))
    complaint.status = 'closed'
    step('closed', 'decided', 'closed', closedOn)
  }
  return { complaint, events }
}
