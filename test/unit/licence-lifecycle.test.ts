import { describe, expect, it } from 'vitest'
import { formatLicenceNumber } from '../../src/licence-number.js'
import {
  APPLICATION_KINDS,
  APPLICATION_STATUSES,
  allowedLicenceActions,
  applicationKindFor,
  DECISIONS,
  decideApplication,
  LICENCE_ACTIONS,
  LICENCE_STATUSES,
  type LicenceAction,
  type LicenceStatus,
  licenceTransition,
  reminderBand,
  standing,
} from '../../src/licensing/lifecycle.js'
import { addDays, addMonths, daysBetween, todayInLesotho } from '../../src/time.js'

// Every allowed licence transition, written out from DESIGN.md. Everything else is refused.
const ALLOWED: Record<string, LicenceStatus> = {
  'active suspend': 'suspended',
  'suspended reinstate': 'active',
  'active revoke': 'revoked',
  'suspended revoke': 'revoked',
  'active surrender': 'surrendered',
}

describe('licence transitions', () => {
  const all = LICENCE_STATUSES.flatMap((from) => LICENCE_ACTIONS.map((action) => [from, action] as const))

  it.each(all)('%s --%s-->', (from: LicenceStatus, action: LicenceAction) => {
    const result = licenceTransition(from, action)
    const expected = ALLOWED[`${from} ${action}`]
    if (expected) expect(result).toEqual({ ok: true, to: expected })
    else {
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.reason).toMatch(/cannot be/)
    }
  })

  it('covers every pair of status and action', () => {
    expect(all).toHaveLength(LICENCE_STATUSES.length * LICENCE_ACTIONS.length)
  })

  it('offers only the allowed actions, and none on a terminal licence', () => {
    expect(allowedLicenceActions('active')).toEqual(['suspend', 'revoke', 'surrender'])
    expect(allowedLicenceActions('suspended')).toEqual(['reinstate', 'revoke'])
    expect(allowedLicenceActions('revoked')).toEqual([])
    expect(allowedLicenceActions('surrendered')).toEqual([])
  })
})

describe('which application an agency may make', () => {
  it('a first licence when it has none, a renewal when active, nothing otherwise', () => {
    expect(applicationKindFor(null)).toEqual({ ok: true, kind: 'new' })
    expect(applicationKindFor({ status: 'active' })).toEqual({ ok: true, kind: 'renewal' })
    expect(applicationKindFor({ status: 'suspended' }).ok).toBe(false)
    expect(applicationKindFor({ status: 'revoked' })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/for life/),
    })
    expect(applicationKindFor({ status: 'surrendered' }).ok).toBe(false)
  })
})

describe('deciding applications', () => {
  const today = '2026-03-03'
  const active = { status: 'active' as const, issued_on: '2025-06-01', expires_on: '2026-05-31' }

  it('issues a licence for 12 months on approving a first application', () => {
    expect(decideApplication({ status: 'submitted', kind: 'new' }, null, 'approve', today)).toEqual({
      ok: true,
      applicationStatus: 'approved',
      licence: { effect: 'issue', status: 'active', issued_on: '2026-03-03', expires_on: '2027-03-02' },
    })
  })

  it('uses the configured validity', () => {
    const r = decideApplication({ status: 'submitted', kind: 'new' }, null, 'approve', today, 6)
    expect(r.ok && r.licence?.expires_on).toBe('2026-09-02')
  })

  it('extends a renewal from the current expiry, or from today once expired', () => {
    const early = decideApplication({ status: 'submitted', kind: 'renewal' }, active, 'approve', today)
    expect(early.ok && early.licence).toMatchObject({
      effect: 'extend',
      issued_on: '2025-06-01',
      expires_on: '2027-05-31',
    })
    const late = decideApplication(
      { status: 'submitted', kind: 'renewal' },
      { ...active, expires_on: '2026-01-31' },
      'approve',
      today,
    )
    expect(late.ok && late.licence?.expires_on).toBe('2027-03-02')
  })

  it('refuses and withdraws without touching the licence', () => {
    for (const kind of APPLICATION_KINDS) {
      const lic = kind === 'new' ? null : active
      expect(decideApplication({ status: 'submitted', kind }, lic, 'refuse', today)).toEqual({
        ok: true,
        applicationStatus: 'refused',
        licence: null,
      })
      expect(decideApplication({ status: 'submitted', kind }, lic, 'withdraw', today)).toEqual({
        ok: true,
        applicationStatus: 'withdrawn',
        licence: null,
      })
    }
  })

  it('refuses every decision on an application already decided', () => {
    for (const status of APPLICATION_STATUSES.filter((s) => s !== 'submitted')) {
      for (const decision of DECISIONS) {
        const r = decideApplication({ status, kind: 'new' }, null, decision, today)
        expect(r).toEqual({ ok: false, reason: `This application was already ${status}.` })
      }
    }
  })

  it('refuses approvals that do not fit the licence', () => {
    expect(decideApplication({ status: 'submitted', kind: 'new' }, active, 'approve', today).ok).toBe(false)
    expect(decideApplication({ status: 'submitted', kind: 'renewal' }, null, 'approve', today).ok).toBe(false)
    for (const status of ['suspended', 'revoked', 'surrendered'] as const) {
      expect(
        decideApplication({ status: 'submitted', kind: 'renewal' }, { ...active, status }, 'approve', today)
          .ok,
      ).toBe(false)
    }
  })
})

describe('standing and reminders', () => {
  const today = '2026-03-03'
  it('derives expired from the date, never stored', () => {
    expect(standing({ status: 'active', expires_on: '2026-03-03' }, false, today)).toBe('licensed')
    expect(standing({ status: 'active', expires_on: '2026-03-02' }, false, today)).toBe('expired')
    expect(standing({ status: 'suspended', expires_on: '2027-01-01' }, false, today)).toBe('suspended')
    expect(standing({ status: 'revoked', expires_on: '2027-01-01' }, true, today)).toBe('revoked')
    expect(standing(null, true, today)).toBe('pending')
    expect(standing(null, false, today)).toBe('not_licensed')
  })

  it('puts licences in the 3-week, 6-week or expired reminder lists', () => {
    expect(reminderBand('2026-03-02', today)).toBe('expired')
    expect(reminderBand('2026-03-03', today)).toBe('within_3_weeks')
    expect(reminderBand('2026-03-24', today)).toBe('within_3_weeks')
    expect(reminderBand('2026-03-25', today)).toBe('within_6_weeks')
    expect(reminderBand('2026-04-14', today)).toBe('within_6_weeks')
    expect(reminderBand('2026-04-15', today)).toBeNull()
  })
})

describe('licence numbers and dates', () => {
  it('formats LRA-<year>-<5 digits>', () => {
    expect(formatLicenceNumber(2026, 42)).toBe('LRA-2026-00042')
    expect(() => formatLicenceNumber(2026, 0)).toThrow()
    expect(() => formatLicenceNumber(2026, 100_000)).toThrow()
  })

  it('adds months and days on calendar dates', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29')
    expect(addMonths('2026-12-15', 12)).toBe('2027-12-15')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(daysBetween('2026-02-27', '2026-03-03')).toBe(4)
  })

  it("knows today's date in Lesotho (UTC+2)", () => {
    expect(todayInLesotho(new Date('2026-03-02T22:30:00Z'))).toBe('2026-03-03')
  })
})
