import type { FormValue } from '../http/validation.js'
import { lesothoLocal } from '../time.js'
import type { InspectionDetails } from './queries.js'
import { VICTIM_GROUPS } from './schemas.js'

const amount = (minor: number | null) => (minor === null ? '' : (minor / 100).toFixed(2).replace(/\.00$/, ''))

/** A saved draft as the form's fields, to continue it: the inverse of parseInspectionForm. */
export function formValuesOf(details: InspectionDetails): Record<string, FormValue> {
  const { inspection: i } = details
  const values: Record<string, FormValue> = {
    idempotency_key: i.idempotency_key,
    worksite_id: i.worksite_id,
    visited_at: lesothoLocal(i.visited_at),
    type: i.type,
    complaint_references: i.complaint_references.join(', '),
    lead_inspector: i.lead_inspector,
    other_agencies: i.other_agencies,
    other_agencies_detail: i.other_agencies_detail ?? '',
    workers_present: String(i.workers_present),
    workers_interviewed: String(i.workers_interviewed),
    women: String(i.women),
    men: String(i.men),
    under_18: String(i.under_18),
    foreign_nationals: String(i.foreign_nationals),
    nationalities: i.nationalities.join(', '),
    labour_findings: i.labour_findings,
    labour_findings_detail: i.labour_findings_detail ?? '',
    outcome: i.outcome ?? '',
    compliance_due_on: i.compliance_due_on ?? '',
    police_case_number: i.police_case_number ?? '',
    notes: i.notes ?? '',
    position_latitude: i.recorded_latitude === null ? '' : String(i.recorded_latitude),
    position_longitude: i.recorded_longitude === null ? '' : String(i.recorded_longitude),
    position_accuracy: i.recorded_accuracy_m === null ? '' : String(i.recorded_accuracy_m),
  }
  i.police_officers.forEach((p, k) => {
    values[`police_${k + 1}_name`] = p.name
    values[`police_${k + 1}_service_number`] = p.service_number
  })
  for (const row of details.indicators) {
    values[`indicator_${row.indicator}`] = row.level
    values[`evidence_${row.indicator}`] = row.evidence ?? ''
  }
  details.recruiters.forEach((r, k) => {
    const n = k + 1
    values[`recruiter_${n}_licence`] = r.licence_number ?? ''
    values[`recruiter_${n}_name`] = r.agency_id ? '' : (r.unlisted_name ?? '')
    values[`recruiter_${n}_fee`] = amount(r.fee_amount_minor)
    values[`recruiter_${n}_currency`] = r.fee_currency ?? ''
    values[`recruiter_${n}_workers`] = String(r.workers_paying)
    values[`recruiter_${n}_indicators`] = r.indicators
  })
  for (const r of details.referrals) {
    for (const g of VICTIM_GROUPS) values[`referral_${r.destination}_${g}`] = String(r[g])
    values[`referral_${r.destination}_consent`] = r.consent_recorded ? 'yes' : ''
  }
  details.followUps.forEach((f, k) => {
    values[`follow_up_${k + 1}_action`] = f.action
    values[`follow_up_${k + 1}_due`] = f.due_on
  })
  return values
}
