import { describe, expect, it } from 'vitest'
import {
  barredUntil,
  DIRECT_LICENCE_ACTIONS,
  daysToRespond,
  decideNotice,
  LICENCE_STATUSES,
  type LicenceStatus,
  licenceTransition,
  NOTICE_ACTIONS,
  NOTICE_DECISIONS,
  NOTICE_STATUSES,
  type NoticeAction,
  type NoticeDecision,
  type NoticeStatus,
  noticeAllowed,
  representationsAllowed,
  representationsDue,
} from '../../src/licensing/lifecycle.js'

// Every notice status × decision × whether the agency answered × licence status, with what
// must happen written out.
function expected(
  status: NoticeStatus,
  decision: NoticeDecision,
  answered: boolean,
  action: NoticeAction,
  licence: LicenceStatus,
): { notice: 'proceeded' | 'withdrawn'; licence: LicenceStatus | null } | null {
  if (status !== 'open') return null
  if (decision === 'withdraw') return { notice: 'withdrawn', licence: null }
  if (!answered) return null
  const to: Record<string, LicenceStatus> = {
    'suspend active': 'suspended',
    'revoke active': 'revoked',
    'revoke suspended': 'revoked',
  }
  const next = to[`${action} ${licence}`]
  return next ? { notice: 'proceeded', licence: next } : null
}

describe('deciding a notice of intended action', () => {
  const cases = NOTICE_STATUSES.flatMap((status) =>
    NOTICE_DECISIONS.flatMap((decision) =>
      [true, false].flatMap((answered) =>
        NOTICE_ACTIONS.flatMap((action) =>
          LICENCE_STATUSES.map((licence) => [status, decision, answered, action, licence] as const),
        ),
      ),
    ),
  )
  it.each(cases)(
    '%s notice, %s, answered %s, %s a %s licence',
    (status, decision, answered, action, licence) => {
      const result = decideNotice({ status, respond_by: '2026-12-22', answered, action }, decision, licence)
      const want = expected(status, decision, answered, action, licence)
      if (want) expect(result).toEqual({ ok: true, ...want })
      else {
        expect(result.ok).toBe(false)
        if (!result.ok) expect(result.reason.length).toBeGreaterThan(15)
      }
    },
  )
  it('covers every combination', () => expect(cases).toHaveLength(3 * 2 * 2 * 2 * 4))
})

describe('giving a notice', () => {
  it.each(
    LICENCE_STATUSES.flatMap((s) =>
      NOTICE_ACTIONS.flatMap((a) => [true, false].map((open) => [s, a, open] as const)),
    ),
  )('on a %s licence, to %s, another notice open: %s', (status, action, open) => {
    const result = noticeAllowed(status, action, open)
    expect(result.ok).toBe(!open && licenceTransition(status, action).ok)
  })

  it('gives 21 days for representations unless told otherwise', () => {
    expect(representationsDue('2026-12-01')).toBe('2026-12-22')
    expect(representationsDue('2026-12-20', 14)).toBe('2027-01-03')
    expect(daysToRespond('2026-12-22', '2026-12-01')).toBe(21)
    expect(daysToRespond('2026-12-22', '2026-12-22')).toBe(0)
    expect(daysToRespond('2026-12-22', '2026-12-24')).toBe(-2)
  })

  it('keeps revocation out of the direct actions: it comes only through a notice', () => {
    expect(DIRECT_LICENCE_ACTIONS).not.toContain('revoke')
  })
})

describe('recording representations', () => {
  const open = { status: 'open' as const, respond_by: '2026-12-22', answered: false }
  it('takes what the agency said at any time while the notice is open', () => {
    for (const today of ['2026-12-01', '2026-12-22', '2027-01-10'])
      expect(representationsAllowed(open, 'received', today)).toEqual({ ok: true })
  })
  it('takes “none received” only after the last day', () => {
    expect(representationsAllowed(open, 'none', '2026-12-22').ok).toBe(false)
    expect(representationsAllowed(open, 'none', '2026-12-23')).toEqual({ ok: true })
  })
  it('takes nothing once the notice is decided', () => {
    for (const status of ['proceeded', 'withdrawn'] as const)
      for (const kind of ['received', 'none'] as const)
        expect(representationsAllowed({ ...open, status }, kind, '2027-01-10').ok).toBe(false)
  })
})

describe('the bar on a revoked agency’s people', () => {
  it('lasts five years unless told otherwise, to the day before the anniversary', () => {
    expect(barredUntil('2026-12-02')).toBe('2031-12-01')
    expect(barredUntil('2024-02-29', 1)).toBe('2025-02-27')
    expect(barredUntil('2026-12-02', 10)).toBe('2036-12-01')
  })
})
