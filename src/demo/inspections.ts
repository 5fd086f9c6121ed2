import type { Insertable } from 'kysely'
import { type ComplaintCategory, pointsForFinding } from '../complaints/rules.js'
import type {
  InspectionFindingsTable,
  InspectionFollowUpsTable,
  InspectionIndicatorsTable,
  InspectionRecruitersTable,
  InspectionReferralsTable,
  InspectionsTable,
} from '../db/types.js'
import {
  findingsFromInspection,
  INDICATORS,
  INSPECTION_TYPES,
  type Indicator,
  LABOUR_FINDINGS,
  REFERRAL_DESTINATIONS,
} from '../inspections/rules.js'
import { addDays, lesothoInstant } from '../time.js'
import type { Random } from './generate.js'
import { seededUuid } from './licensing-history.js'

// Made-up inspections for the demo and the benchmark: mostly routine visits that find little,
// some that find fees paid to recruiters or forced-labour indicators, a few that refer
// potential victims (counts only) or open a criminal investigation. Older findings are decided.

export interface DemoInspection {
  inspection: Insertable<InspectionsTable> & { id: string }
  indicators: Insertable<InspectionIndicatorsTable>[]
  recruiters: Insertable<InspectionRecruitersTable>[]
  referrals: Insertable<InspectionReferralsTable>[]
  followUps: Insertable<InspectionFollowUpsTable>[]
  findings: Insertable<InspectionFindingsTable>[]
  /** Findings a licensing officer has decided: applied after they are inserted (unreviewed). */
  decisions: FindingDecision[]
}

export interface FindingDecision {
  inspection_id: string
  agency_id: string
  status: 'substantiated' | 'dismissed'
  proven: ComplaintCategory[]
  points: number
  decided_at: Date
  decided_by: string
}

const TYPE_WEIGHTS = [55, 20, 15, 10] // in INSPECTION_TYPES order: routine first
const UNLISTED = ['Ntate Sello', 'Mme Puleng', 'Bra Tsietsi', 'Abuti Lefu', 'Quick Work SA']
const LEADS = ['Thabo Mokhethi', 'Mamello Sekese', 'Retšelisitsoe Lebona', 'Nthabiseng Khau']
const EVIDENCE: Partial<Record<Indicator, string>> = {
  retention_of_identity_documents: 'Workers said the supervisor keeps their passports.',
  withholding_of_wages: 'No wages paid for two months; workers told to wait for the season’s end.',
  debt_bondage: 'Transport and permit costs deducted from pay, debts growing.',
  deception: 'Promised factory work in town, brought to the farm instead.',
  excessive_overtime: 'Shifts of 14 hours, seven days a week.',
}

function weighted<T>(r: Random, items: readonly T[], weights: readonly number[]): T {
  let x = r.next() * weights.reduce((a, b) => a + b, 0)
  for (let i = 0; i < items.length; i++) {
    x -= weights[i]!
    if (x < 0) return items[i]!
  }
  return items[items.length - 1]!
}

/** A day within the last five years, recent years more often, as "YYYY-MM-DD"; never today. */
function visitDay(r: Random, today: string) {
  const daysAgo = 1 + Math.floor(5 * 365 * r.next() ** 1.6)
  return addDays(today, -daysAgo)
}

export function generateInspection(
  r: Random,
  n: number,
  worksite: { id: string; approxWorkers: number },
  agencyIds: readonly string[],
  today: string,
  recorder: { id: string; label: string },
): DemoInspection {
  const id = seededUuid(r)
  const day = visitDay(r, today)
  const visitedAt = lesothoInstant(`${day}T${String(r.int(7, 15)).padStart(2, '0')}:30`)
  const draft = day > addDays(today, -7) && r.next() < 0.2
  const present = Math.max(1, Math.min(worksite.approxWorkers, r.int(3, 400)))
  const women = Math.floor(present * (0.3 + r.next() * 0.5))
  const underAge = r.next() < 0.03 ? r.int(1, Math.min(5, present)) : 0

  const indicators: DemoInspection['indicators'] = []
  if (r.next() < 0.12)
    for (const indicator of r.some(INDICATORS, 1, 3)) {
      const level = r.next() < 0.5 ? ('observed' as const) : ('suspected' as const)
      indicators.push({
        inspection_id: id,
        indicator,
        level,
        evidence: level === 'observed' ? (EVIDENCE[indicator] ?? 'Several workers said the same.') : null,
      })
    }
  const observed = indicators.filter((i) => i.level === 'observed').map((i) => i.indicator as Indicator)

  const recruiters: DemoInspection['recruiters'] = []
  if (r.next() < 0.3)
    for (let position = 0; position < r.int(1, 2); position++) {
      const registered = r.next() < 0.7
      const fee = r.next() < 0.4
      recruiters.push({
        inspection_id: id,
        position,
        agency_id: registered ? r.pick(agencyIds) : null,
        unlisted_name: registered ? null : r.pick(UNLISTED),
        fee_amount_minor: fee ? r.int(3, 40) * 10_000 : null,
        fee_currency: fee ? r.pick(['LSL', 'ZAR'] as const) : null,
        workers_paying: fee ? r.int(1, Math.min(20, present)) : 0,
        indicators: observed.length > 0 && r.next() < 0.6 ? r.some(observed, 1, observed.length) : [],
      })
    }

  const referrals: DemoInspection['referrals'] = []
  if (observed.length > 0 && r.next() < 0.25)
    for (const destination of r.some(REFERRAL_DESTINATIONS, 1, 2))
      referrals.push({
        inspection_id: id,
        destination,
        female_under_18: r.next() < 0.2 ? r.int(1, 2) : 0,
        female_adult: r.int(0, 4),
        male_under_18: r.next() < 0.2 ? r.int(1, 2) : 0,
        male_adult: r.int(1, 4),
        consent_recorded: r.next() < 0.9,
      })

  const outcome = draft
    ? null
    : observed.length > 0 && r.next() < 0.4
      ? 'criminal_investigation'
      : weighted(r, ['no_issue', 'advice_given', 'compliance_order'] as const, [50, 32, 18])
  const complianceDue = outcome === 'compliance_order' ? addDays(day, 30) : null
  const followUps: DemoInspection['followUps'] = complianceDue
    ? [
        {
          inspection_id: id,
          action: 'Return to check the compliance order',
          due_on: complianceDue,
          done_at: complianceDue < today && r.next() < 0.85 ? lesothoInstant(`${complianceDue}T12:00`) : null,
          done_by: null,
        },
      ]
    : []

  const raised = draft
    ? []
    : findingsFromInspection(
        recruiters.map((rec) => ({
          agencyId: rec.agency_id ?? null,
          feeAmountMinor: rec.fee_amount_minor ?? null,
          indicators: (rec.indicators ?? []) as Indicator[],
        })),
        Object.fromEntries(indicators.map((i) => [i.indicator, i.level])),
      )
  const findings: DemoInspection['findings'] = raised.map((f) => ({
    inspection_id: id,
    agency_id: f.agencyId,
    categories: f.categories,
    indicators: f.indicators,
    fee_reported: f.feeReported,
  }))
  // Older findings have been decided by a licensing officer, a third of them substantiated.
  const decisions: FindingDecision[] = raised.flatMap((f) => {
    if (day >= addDays(today, -60) || r.next() >= 0.9) return []
    const substantiated = r.next() < 0.35
    return [
      {
        inspection_id: id,
        agency_id: f.agencyId,
        status: substantiated ? 'substantiated' : 'dismissed',
        proven: substantiated ? f.categories : [],
        points: substantiated ? pointsForFinding(f.categories) : 0,
        decided_at: lesothoInstant(`${addDays(day, r.int(5, 50))}T10:00`),
        decided_by: recorder.id,
      },
    ]
  })

  const type = weighted(r, INSPECTION_TYPES, TYPE_WEIGHTS)
  return {
    inspection: {
      id,
      idempotency_key: `demo-inspection-${String(n).padStart(8, '0')}`,
      worksite_id: worksite.id,
      status: draft ? 'draft' : 'submitted',
      visited_at: visitedAt,
      type,
      complaint_references: [],
      lead_inspector: r.pick(LEADS),
      police_officers: JSON.stringify(
        type === 'joint_operation' || r.next() < 0.3
          ? [{ name: 'Constable Palesa Ntsane', service_number: `LMPS ${r.int(10000, 99999)}` }]
          : [],
      ),
      other_agencies: type === 'joint_operation' ? ['immigration'] : [],
      workers_present: present,
      workers_interviewed: Math.min(present, r.int(1, 15)),
      women,
      men: present - women,
      under_18: underAge,
      foreign_nationals: r.next() < 0.1 ? r.int(1, Math.min(10, present)) : 0,
      nationalities: [],
      labour_findings: r.next() < 0.4 ? r.some(LABOUR_FINDINGS, 1, 2) : [],
      outcome,
      compliance_due_on: complianceDue,
      police_case_number:
        outcome === 'criminal_investigation'
          ? `CR ${r.int(1, 400)}/${day.slice(5, 7)}/${day.slice(0, 4)}`
          : null,
      recorded_by: recorder.id,
      submitted_at: draft ? null : visitedAt,
      submitted_by: draft ? null : recorder.id,
      created_at: visitedAt,
      updated_at: visitedAt,
    },
    indicators,
    recruiters,
    referrals,
    followUps,
    findings,
    decisions,
  }
}
