import type { PublicStanding } from '../i18n/messages.js'

// A job offer's life (DESIGN.md, "Job offers"): recorded from the agency's submission as
// `submitted`, then `approved` or `refused` by an officer, and `withdrawn` at any time while it
// stands. Whether an approved offer is valid today also depends on its dates and on the
// agency's licence: that is derived (offerStanding), never stored, so it changes at once.

export const JOB_OFFER_STATUSES = ['submitted', 'approved', 'refused', 'withdrawn'] as const
export type JobOfferStatus = (typeof JOB_OFFER_STATUSES)[number]
export const JOB_OFFER_DECISIONS = ['approve', 'refuse', 'withdraw'] as const
export type JobOfferDecision = (typeof JOB_OFFER_DECISIONS)[number]

/** Who pays the recruitment and travel costs: never the worker. */
export const COSTS_PAID_BY = ['employer', 'agency'] as const
export type CostsPaidBy = (typeof COSTS_PAID_BY)[number]
/** What the form offers: the worker too, so a submission that says so is refused with the reason. */
export const COSTS_PAID_BY_CHOICES = [...COSTS_PAID_BY, 'worker'] as const

export const DECISION_STATUS: Record<JobOfferDecision, JobOfferStatus> = {
  approve: 'approved',
  refuse: 'refused',
  withdraw: 'withdrawn',
}

export type OfferStep = { ok: true; to: JobOfferStatus } | { ok: false; reason: string }

/**
 * The status a decision leads to, or why it cannot be taken. Approval needs the agency's licence
 * in force; an offer that was refused or withdrawn has ended (a new one is recorded instead).
 */
export function offerTransition(
  from: JobOfferStatus,
  decision: JobOfferDecision,
  agency: PublicStanding,
  /** Its last day has passed. */
  closed = false,
): OfferStep {
  if (from === 'refused' || from === 'withdrawn')
    return { ok: false, reason: `This offer was ${from}: record a new offer instead` }
  if (decision === 'withdraw') return { ok: true, to: 'withdrawn' }
  if (from === 'approved') return { ok: false, reason: 'This offer is already approved' }
  if (decision === 'approve' && agency !== 'licensed')
    return {
      ok: false,
      reason: 'The agency’s licence is not in force: an offer can be approved only while it is.',
    }
  if (decision === 'approve' && closed)
    return { ok: false, reason: 'The offer’s last day has passed: it can no longer be approved.' }
  return { ok: true, to: DECISION_STATUS[decision] }
}

/** The decisions an officer can take on an offer in this status. */
export function allowedOfferDecisions(from: JobOfferStatus): JobOfferDecision[] {
  if (from === 'submitted') return ['approve', 'refuse', 'withdraw']
  if (from === 'approved') return ['withdraw']
  return []
}

/**
 * What a worker is told about an approved offer today: only `open` is a job they may take up.
 * The agency's licence comes first (a suspended agency may recruit for nothing), then the dates.
 */
export type OfferStanding = 'open' | 'not_yet_open' | 'closed' | 'withdrawn' | 'agency_not_licensed'

export function offerStanding(
  offer: { status: JobOfferStatus; open_from: string; open_until: string },
  agency: PublicStanding,
  today: string,
): OfferStanding {
  if (offer.status === 'withdrawn') return 'withdrawn'
  if (agency !== 'licensed') return 'agency_not_licensed'
  if (today > offer.open_until) return 'closed'
  if (today < offer.open_from) return 'not_yet_open'
  return 'open'
}
