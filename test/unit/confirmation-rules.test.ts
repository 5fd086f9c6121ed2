import { describe, expect, it } from 'vitest'
import {
  confirmationRefusal,
  confirmingService,
  isOnTheTeam,
  nameWords,
  serviceOf,
  teamFor,
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

  it('takes the team of the confirming service from the record: its police, or its lead inspector', () => {
    const record = { police_officers: [{ name: 'Sgt Palesa Ntsane' }], lead_inspector: 'Thabo Mokhethi' }
    expect(teamFor('inspector', record)).toEqual(['Sgt Palesa Ntsane'])
    expect(teamFor('police_officer', record)).toEqual(['Thabo Mokhethi'])
    expect(teamFor('admin', record)).toEqual([])
    expect(teamFor('inspector', { police_officers: [], lead_inspector: 'x' })).toEqual([])
  })

  it('knows a person by their name whatever the rank, case or accents written with it', () => {
    expect(nameWords('Sgt. Palesa  NTSANE')).toEqual(['palesa', 'ntsane'])
    expect(isOnTheTeam('Constable Palesa Ntsane', ['Sgt Palesa Ntsane'])).toBe(true)
    expect(isOnTheTeam('Palesa Ntsane', ['Insp. Thabo Mokhethi', 'Palesa M Ntsane'])).toBe(true)
    expect(isOnTheTeam('Tšepo Lerotholi', ['Tsepo Lerotholi'])).toBe(true)
    expect(isOnTheTeam('Tumelo Sello', ['Sgt Palesa Mokoena'])).toBe(false)
    expect(isOnTheTeam('Palesa Sello', ['Palesa Mokoena'])).toBe(false)
    expect(isOnTheTeam('Sgt', ['Sgt Palesa Mokoena'])).toBe(false)
  })

  it('allows exactly one case: a submitted, unconfirmed record, an active officer of the other service on its team', () => {
    let allowed = 0
    for (const status of ['draft', 'submitted'] as const)
      for (const confirmed of [false, true])
        for (const recordRole of ROLES)
          for (const confirmerRole of ROLES)
            for (const confirmerActive of [false, true])
              for (const team of [[], ['Palesa Ntsane'], ['Tumelo Sello']]) {
                const refusal = confirmationRefusal({
                  status,
                  confirmed,
                  recordRole,
                  confirmerRole,
                  confirmerActive,
                  confirmerName: 'Palesa Ntsane',
                  team,
                })
                const other = confirmingService(recordRole)
                const expected =
                  status === 'submitted' &&
                  !confirmed &&
                  confirmerActive &&
                  other !== null &&
                  serviceOf(confirmerRole) === other &&
                  team[0] === 'Palesa Ntsane'
                expect(
                  refusal === null,
                  `${status} ${confirmed} ${recordRole} ${confirmerRole} ${team}`,
                ).toBe(expected)
                if (refusal === null) allowed++
              }
    expect(allowed).toBe(2)
  })

  it('says why, in order: not submitted, already confirmed, no service, deactivated, no team, wrong service, not on it', () => {
    const base = {
      status: 'submitted',
      confirmed: false,
      recordRole: 'inspector',
      confirmerRole: 'police_officer',
      confirmerActive: true,
      confirmerName: 'Palesa Ntsane',
      team: ['Sgt Palesa Ntsane'],
    } as const
    expect(confirmationRefusal(base)).toBeNull()
    expect(confirmationRefusal({ ...base, status: 'draft' })).toContain('submit it first')
    expect(confirmationRefusal({ ...base, confirmed: true })).toContain('already been confirmed')
    expect(confirmationRefusal({ ...base, recordRole: 'admin' })).toContain('neither a labour inspector')
    expect(confirmationRefusal({ ...base, confirmerActive: false })).toContain('deactivated')
    expect(confirmationRefusal({ ...base, team: [] })).toContain('No police officer is recorded')
    expect(confirmationRefusal({ ...base, confirmerRole: 'inspector' })).toContain(
      'a police officer on the team',
    )
    expect(
      confirmationRefusal({ ...base, recordRole: 'police_officer', confirmerRole: 'police_officer' }),
    ).toContain('a labour inspector on the team')
    expect(confirmationRefusal({ ...base, confirmerName: 'Tumelo Sello' })).toBe(
      'Tumelo Sello is not among the police officers this record names (Sgt Palesa Ntsane): only someone on the team confirms it. If the team is wrong, amend the record first.',
    )
  })
})
