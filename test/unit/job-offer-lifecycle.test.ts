import { describe, expect, it } from 'vitest'
import type { PublicStanding } from '../../src/i18n/messages.js'
import {
  allowedOfferDecisions,
  JOB_OFFER_DECISIONS,
  JOB_OFFER_STATUSES,
  type JobOfferDecision,
  type JobOfferStatus,
  offerStanding,
  offerTransition,
} from '../../src/job-offers/lifecycle.js'

const STANDINGS: PublicStanding[] = [
  'licensed',
  'pending',
  'suspended',
  'revoked',
  'surrendered',
  'expired',
  'not_licensed',
]

// Every status × decision × licence standing, written out: what the office may do, and to what.
function expected(
  from: JobOfferStatus,
  decision: JobOfferDecision,
  agency: PublicStanding,
): JobOfferStatus | null {
  if (from === 'refused' || from === 'withdrawn') return null
  if (decision === 'withdraw') return 'withdrawn'
  if (from === 'approved') return null
  if (decision === 'approve') return agency === 'licensed' ? 'approved' : null
  return 'refused'
}

describe('the job offer lifecycle', () => {
  for (const from of JOB_OFFER_STATUSES)
    for (const decision of JOB_OFFER_DECISIONS)
      for (const agency of STANDINGS)
        it(`${from} + ${decision} while the agency is ${agency}`, () => {
          const step = offerTransition(from, decision, agency)
          const to = expected(from, decision, agency)
          if (to) expect(step).toEqual({ ok: true, to })
          else {
            expect(step.ok).toBe(false)
            if (!step.ok) expect(step.reason.length).toBeGreaterThan(10)
          }
        })

  it('refuses to approve an offer whose last day has passed, but lets it be refused or withdrawn', () => {
    expect(offerTransition('submitted', 'approve', 'licensed', true)).toMatchObject({ ok: false })
    expect(offerTransition('submitted', 'refuse', 'licensed', true)).toEqual({ ok: true, to: 'refused' })
    expect(offerTransition('approved', 'withdraw', 'licensed', true)).toEqual({ ok: true, to: 'withdrawn' })
  })

  it('offers exactly the decisions the transitions allow while the licence is in force', () => {
    for (const from of JOB_OFFER_STATUSES)
      expect(allowedOfferDecisions(from)).toEqual(
        JOB_OFFER_DECISIONS.filter((d) => offerTransition(from, d, 'licensed').ok),
      )
  })

  it('says an approved offer is open only within its dates and while the licence is in force', () => {
    const offer = { status: 'approved' as const, open_from: '2026-12-01', open_until: '2026-12-31' }
    expect(offerStanding(offer, 'licensed', '2026-12-01')).toBe('open')
    expect(offerStanding(offer, 'licensed', '2026-12-31')).toBe('open')
    expect(offerStanding(offer, 'licensed', '2026-11-30')).toBe('not_yet_open')
    expect(offerStanding(offer, 'licensed', '2027-01-01')).toBe('closed')
    for (const agency of STANDINGS.filter((s) => s !== 'licensed'))
      expect(offerStanding(offer, agency, '2026-12-15')).toBe('agency_not_licensed')
    expect(offerStanding({ ...offer, status: 'withdrawn' }, 'licensed', '2026-12-15')).toBe('withdrawn')
    // Withdrawn is said first, whatever else holds.
    expect(offerStanding({ ...offer, status: 'withdrawn' }, 'suspended', '2027-02-01')).toBe('withdrawn')
  })
})
