import { describe, expect, it } from 'vitest'
import {
  confirmationRefusal,
  confirmingService,
  serviceOf,
} from '../../src/inspections/confirmation-rules.js'
import { ROLES } from '../../src/vocabulary.js'

describe('who confirms a record for the other service', () => {
  it('asks the police to confirm a labour inspector’s record, and a labour inspector a police record', () => {
    expect(confirmingService('inspector')).toBe('police')
    expect(confirmingService('police_officer')).toBe('labour')
    for (const role of ROLES.filter((r) => r !== 'inspector' && r !== 'police_officer')) {
      expect(serviceOf(role)).toBeNull()
      expect(confirmingService(role)).toBeNull()
    }
  })

  it('allows exactly one case: a submitted, unconfirmed record, an active officer of the other service', () => {
    let allowed = 0
    for (const status of ['draft', 'submitted'] as const)
      for (const confirmed of [false, true])
        for (const recordRole of ROLES)
          for (const confirmerRole of ROLES)
            for (const confirmerActive of [false, true]) {
              const refusal = confirmationRefusal({
                status,
                confirmed,
                recordRole,
                confirmerRole,
                confirmerActive,
              })
              const other = confirmingService(recordRole)
              const expected =
                status === 'submitted' &&
                !confirmed &&
                confirmerActive &&
                other !== null &&
                serviceOf(confirmerRole) === other
              expect(
                refusal === null,
                `${status} ${confirmed} ${recordRole} ${confirmerRole} ${confirmerActive}`,
              ).toBe(expected)
              if (refusal === null) allowed++
            }
    expect(allowed).toBe(2)
  })

  it('says why, in order: not submitted, already confirmed, no service, deactivated, the wrong service', () => {
    const base = {
      status: 'submitted',
      confirmed: false,
      recordRole: 'inspector',
      confirmerRole: 'police_officer',
      confirmerActive: true,
    } as const
    expect(confirmationRefusal({ ...base, status: 'draft' })).toContain('submit it first')
    expect(confirmationRefusal({ ...base, confirmed: true })).toContain('already been confirmed')
    expect(confirmationRefusal({ ...base, recordRole: 'admin' })).toContain('neither a labour inspector')
    expect(confirmationRefusal({ ...base, confirmerActive: false })).toContain('deactivated')
    expect(confirmationRefusal({ ...base, confirmerRole: 'inspector' })).toContain(
      'a police officer on the team',
    )
    expect(
      confirmationRefusal({ ...base, recordRole: 'police_officer', confirmerRole: 'police_officer' }),
    ).toContain('a labour inspector on the team')
  })
})
