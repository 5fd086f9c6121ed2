import { describe, expect, it } from 'vitest'
import {
  APPEAL_AGAINST,
  APPEAL_DECISIONS,
  APPEAL_STATUSES,
  appealDeadline,
  appealInTime,
  decideAppeal,
  LICENCE_STATUSES,
} from '../../src/licensing/lifecycle.js'

const manager = { id: 'manager-1', role: 'licensing_manager' }

describe('the time to appeal', () => {
  it('is 14 days from the decision unless told otherwise, the last day included', () => {
    expect(appealDeadline('2026-12-01')).toBe('2026-12-15')
    expect(appealInTime('2026-12-01', '2026-12-15')).toEqual({ ok: true })
    expect(appealInTime('2026-12-01', '2026-12-16').ok).toBe(false)
    expect(appealInTime('2026-12-01', '2026-11-30').ok).toBe(false)
    expect(appealInTime('2026-12-01', '2026-12-20', 30)).toEqual({ ok: true })
  })
})

describe('deciding an appeal', () => {
  const cases = APPEAL_STATUSES.flatMap((status) =>
    APPEAL_AGAINST.flatMap((against) =>
      APPEAL_DECISIONS.flatMap((decision) =>
        LICENCE_STATUSES.map((now) => [status, against, decision, now] as const),
      ),
    ),
  )
  it.each(cases)('%s appeal against a %s, %s, the licence now %s', (status, against, decision, now) => {
    const result = decideAppeal({ status, against, decided_by_officer: 'officer-1' }, decision, manager, {
      now,
      before: 'active',
    })
    const appealed = against === 'suspension' ? 'suspended' : against === 'revocation' ? 'revoked' : null
    if (status !== 'lodged') expect(result.ok).toBe(false)
    else if (decision === 'uphold')
      expect(result).toEqual({ ok: true, appeal: 'upheld', licence: null, application: null })
    else if (against === 'refusal')
      expect(result).toEqual({ ok: true, appeal: 'overturned', licence: null, application: 'submitted' })
    else if (now === appealed)
      expect(result).toEqual({ ok: true, appeal: 'overturned', licence: 'active', application: null })
    else expect(result.ok).toBe(false)
  })

  it('is only for a licensing manager who did not take the decision', () => {
    const appeal = {
      status: 'lodged' as const,
      against: 'revocation' as const,
      decided_by_officer: 'officer-1',
    }
    const licence = { now: 'revoked' as const, before: 'active' as const }
    for (const role of ['admin', 'licensing_officer', 'inspector', 'police_officer', 'analyst'])
      expect(decideAppeal(appeal, 'overturn', { id: 'someone', role }, licence)).toMatchObject({
        ok: false,
        reason: 'Only a licensing manager decides appeals.',
      })
    // A manager who was the officer who decided (roles change) may not decide it either.
    expect(decideAppeal(appeal, 'overturn', { id: 'officer-1', role: 'licensing_manager' }, licence).ok).toBe(
      false,
    )
    expect(decideAppeal(appeal, 'overturn', manager, licence)).toMatchObject({ ok: true, licence: 'active' })
  })
})
