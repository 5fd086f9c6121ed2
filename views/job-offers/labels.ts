import type {
  CostsPaidBy,
  JobOfferDecision,
  JobOfferStatus,
  OfferStanding,
} from '../../src/job-offers/lifecycle.js'

export const OFFER_STATUS_LABELS: Record<JobOfferStatus, string> = {
  submitted: 'Awaiting decision',
  approved: 'Approved',
  refused: 'Refused',
  withdrawn: 'Withdrawn',
}

/** What staff pages call an offer: its status, and for an approved one whether it is valid today. */
export function staffOfferStatus(status: JobOfferStatus, standing: OfferStanding | null): string {
  if (status !== 'approved' || !standing) return OFFER_STATUS_LABELS[status]
  return {
    open: 'Approved: open',
    not_yet_open: 'Approved: not open yet',
    closed: 'Approved but closed: not valid now',
    withdrawn: 'Withdrawn',
    agency_not_licensed: 'Approved but the licence is not in force: not valid now',
  }[standing]
}

export const PAID_BY_LABELS: Record<CostsPaidBy | 'worker', string> = {
  employer: 'The employer',
  agency: 'The agency',
  worker: 'The worker',
}

export const OFFER_FIELD_LABELS: Record<string, string> = {
  employer_name: 'Employer',
  employer_country: 'Country',
  employer_place: 'Town, farm or district',
  position: 'Position',
  sector: 'Sector',
  workers_wanted: 'Workers wanted',
  wage: 'Wage per month',
  wage_currency: 'Currency of the wage',
  contract_months: 'Contract length (months)',
  hours_per_week: 'Working hours per week',
  accommodation: 'Accommodation',
  recruitment_costs_paid_by: 'Who pays the recruitment costs',
  travel_costs_paid_by: 'Who pays the travel costs',
  open_from: 'Open from',
  open_until: 'Open until',
  contract_reference: 'Contract or demand letter reference',
  reason: 'Reason',
}

export const DECISION_WORDS: Record<
  JobOfferDecision,
  { title: string; consequence: string; button: string }
> = {
  approve: {
    title: 'Approve the job offer',
    consequence:
      'The offer gets its public code. Anyone who types it, scans the advert’s QR code or dials the USSD number will be told the job is approved while it is open and the agency’s licence is in force.',
    button: 'Approve and give it a code',
  },
  refuse: {
    title: 'Refuse the job offer',
    consequence:
      'The offer gets no code. A worker who types a code from an advert for it is told it may be fake.',
    button: 'Refuse offer',
  },
  withdraw: {
    title: 'Withdraw the job offer',
    consequence:
      'This cannot be undone. Anyone who checks its code will be told at once that the offer is withdrawn and not valid.',
    button: 'Withdraw offer',
  },
}
